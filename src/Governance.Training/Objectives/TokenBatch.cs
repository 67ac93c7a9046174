using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>Examples stacked into [batch, time] tensors, right-padded: padding tokens get label -100 and are never learnt.</summary>
public sealed class TokenBatch : IDisposable
{
    private TokenBatch(Tensor inputIds, Tensor labels, long tokens) => (InputIds, Labels, Tokens) = (inputIds, labels, tokens);

    /// <summary>Token ids [batch, time].</summary>
    public Tensor InputIds { get; }

    /// <summary>Labels [batch, time], <see cref="CausalLmLoss.IgnoreIndex"/> for prompt and padding.</summary>
    public Tensor Labels { get; }

    /// <summary>How many real (not padding) tokens the batch holds, for throughput figures.</summary>
    public long Tokens { get; }

    /// <summary>Rows in order, each padded on the right to the longest with <paramref name="padId"/>, on <paramref name="device"/>.</summary>
    public static TokenBatch Collate(IReadOnlyList<TokenExample> examples, long padId = 0, Device? device = null)
    {
        if (examples.Count == 0) throw new ArgumentException("A batch needs at least one example.", nameof(examples));
        var time = examples.Max(example => example.InputIds.Length);
        var ids = new long[examples.Count * time];
        var labels = new long[examples.Count * time];
        Array.Fill(ids, padId);
        Array.Fill(labels, CausalLmLoss.IgnoreIndex);
        for (var row = 0; row < examples.Count; row++)
        {
            examples[row].InputIds.CopyTo(ids, row * time);
            examples[row].Labels.CopyTo(labels, row * time);
        }
        long[] shape = [examples.Count, time];
        return new TokenBatch(tensor(ids, shape, device: device), tensor(labels, shape, device: device),
            examples.Sum(example => (long)example.InputIds.Length));
    }

    /// <summary>The chosen sequences of <paramref name="pairs"/> in rows [0, n), the rejected ones in rows [n, 2n).</summary>
    public static TokenBatch CollatePreferences(IReadOnlyList<PreferencePair> pairs, long padId = 0, Device? device = null) =>
        Collate([.. pairs.Select(pair => pair.ChosenExample), .. pairs.Select(pair => pair.RejectedExample)], padId, device);

    /// <inheritdoc />
    public void Dispose()
    {
        InputIds.Dispose();
        Labels.Dispose();
    }
}
