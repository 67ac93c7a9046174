using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>Labels for completion-only fine-tuning: the model learns the answer, never the prompt or the padding.</summary>
public static class CompletionLabels
{
    /// <summary>
    /// A copy of <paramref name="inputIds"/> [batch, time] with each row's first <paramref name="promptLengths"/> tokens
    /// and every token from <paramref name="sequenceLengths"/> on set to <see cref="CausalLmLoss.IgnoreIndex"/>.
    /// </summary>
    public static Tensor Build(Tensor inputIds, IReadOnlyList<long> promptLengths, IReadOnlyList<long> sequenceLengths)
    {
        var (batch, time) = (inputIds.shape[0], inputIds.shape[1]);
        if (promptLengths.Count != batch || sequenceLengths.Count != batch)
            throw new ArgumentException($"Expected {batch} prompt and sequence lengths, one per row.");
        using var positions = arange(time, device: inputIds.device).unsqueeze(0);
        using var prompt = tensor(promptLengths.ToArray(), device: inputIds.device).unsqueeze(1);
        using var length = tensor(sequenceLengths.ToArray(), device: inputIds.device).unsqueeze(1);
        using var masked = positions.lt(prompt).logical_or(positions.ge(length));
        return inputIds.masked_fill(masked, CausalLmLoss.IgnoreIndex);
    }
}
