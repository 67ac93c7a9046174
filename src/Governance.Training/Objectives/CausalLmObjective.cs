using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>Next-token cross-entropy on the labelled tokens: raw text (DAPT) or completions only (SFT).</summary>
public sealed class CausalLmObjective(long padId = 0) : ITrainingObjective<TokenExample>
{
    /// <inheritdoc />
    public TokenBatch Collate(IReadOnlyList<TokenExample> examples, Device device) => TokenBatch.Collate(examples, padId, device);

    /// <inheritdoc />
    public long Units(TokenBatch batch) => CausalLmLoss.Targets(batch.Labels);

    /// <inheritdoc />
    public ObjectiveTerms Sum(nn.Module<Tensor, Tensor> model, TokenBatch batch) =>
        new(CausalLmLoss.SumConsumingLogits(model.call(batch.InputIds), batch.Labels).Sum);
}
