using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>
/// What a training run minimises. The loss of an optimiser step is the sum of <see cref="Sum"/> over its micro-batches
/// divided by the sum of their <see cref="Units"/>, so accumulation weighs every token (or pair) alike.
/// </summary>
public interface ITrainingObjective<TExample>
{
    /// <summary>Stacks <paramref name="examples"/> into one padded batch on <paramref name="device"/>.</summary>
    TokenBatch Collate(IReadOnlyList<TExample> examples, Device device);

    /// <summary>What the loss is averaged over in <paramref name="batch"/>: predicted tokens, or preference pairs.</summary>
    long Units(TokenBatch batch);

    /// <summary>The summed (not averaged) loss of <paramref name="batch"/>, with the sums of the objective's metrics.</summary>
    ObjectiveTerms Sum(nn.Module<Tensor, Tensor> model, TokenBatch batch);
}
