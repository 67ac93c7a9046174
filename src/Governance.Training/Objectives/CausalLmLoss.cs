using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Objectives;

/// <summary>
/// Next-token cross-entropy as transformers computes it: logits at position t predict the label at t + 1, and labels
/// of <see cref="IgnoreIndex"/> (prompt and padding tokens) count neither in the loss nor in the token total.
/// </summary>
public static class CausalLmLoss
{
    /// <summary>The label that excludes a position, as in PyTorch and transformers.</summary>
    public const long IgnoreIndex = -100;

    /// <summary>
    /// The summed loss over unmasked next-token predictions and how many there are, so gradient accumulation can divide
    /// by the total over all micro-batches instead of averaging averages.
    /// </summary>
    public static (Tensor Sum, long Tokens) Sum(Tensor logits, Tensor labels)
    {
        var (predictions, targets) = Shift(logits, labels);
        var sum = functional.cross_entropy(predictions.to_type(ScalarType.Float32), targets, ignore_index: IgnoreIndex,
            reduction: Reduction.Sum);
        return (sum, Targets(labels));
    }

    /// <summary>
    /// <see cref="Sum"/> for a training step whose logits serve nothing but this loss: the gradient is computed in the
    /// forward pass and written over the logits (<see cref="FusedCrossEntropy"/>), so no copy of [batch, time, vocab] is
    /// made. The logits must not be read afterwards.
    /// </summary>
    public static (Tensor Sum, long Tokens) SumConsumingLogits(Tensor logits, Tensor labels)
    {
        if (!logits.requires_grad) return Sum(logits, labels);
        var (predictions, targets) = Shift(logits, labels);
        var input = predictions.dtype == ScalarType.Float32 ? predictions.contiguous() : predictions.to_type(ScalarType.Float32);
        return (FusedCrossEntropy.Apply(input, targets, IgnoreIndex), Targets(labels));
    }

    /// <summary>How many next-token predictions <paramref name="labels"/> [batch, time] count: unmasked labels after the first position.</summary>
    public static long Targets(Tensor labels)
    {
        using var counted = labels[.., 1..].ne(IgnoreIndex).sum();
        return counted.item<long>();
    }

    /// <summary>The mean loss per unmasked next-token prediction; zero (with a gradient) when every label is masked.</summary>
    public static Tensor Mean(Tensor logits, Tensor labels)
    {
        var (sum, tokens) = Sum(logits, labels);
        return sum / Math.Max(tokens, 1);
    }

    // The labels move, not the logits: position t is scored against label t + 1 and the last position against nothing,
    // which spares a copy of the [batch, time, vocab] logits and of their gradient.
    private static (Tensor Predictions, Tensor Targets) Shift(Tensor logits, Tensor labels)
    {
        var vocab = logits.shape[^1];
        var next = functional.pad(labels[.., 1..], [0, 1], value: IgnoreIndex);
        return (logits.reshape(-1, vocab), next.reshape(-1));
    }
}
