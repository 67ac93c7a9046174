using Governance.Training.Objectives;

namespace Governance.Training.Evaluation;

/// <summary>
/// One held-out example as the model sees it: token ids and, per position, the label the previous position should
/// predict, or <see cref="CausalLmLoss.IgnoreIndex"/> where nothing is scored (prompt tokens).
/// </summary>
public sealed record LabelledSequence(IReadOnlyList<int> InputIds, IReadOnlyList<int> Labels)
{
    /// <summary>A prompt and its completion: only the completion's tokens are scored.</summary>
    public static LabelledSequence Completion(IReadOnlyList<int> promptIds, IReadOnlyList<int> completionIds) =>
        new([.. promptIds, .. completionIds], [.. promptIds.Select(_ => (int)CausalLmLoss.IgnoreIndex), .. completionIds]);

    /// <summary>
    /// General text cut into windows of at most <paramref name="length"/> tokens, each starting with the last token of
    /// the one before, so that every token but the first is predicted exactly once.
    /// </summary>
    public static IEnumerable<LabelledSequence> TextWindows(IReadOnlyList<int> ids, int length)
    {
        if (length < 2) throw new ArgumentException($"A text window of {length} tokens predicts nothing; use at least 2.", nameof(length));
        for (var start = 0; start + 1 < ids.Count; start += length - 1)
        {
            var window = ids.Skip(start).Take(length).ToArray();
            yield return new LabelledSequence(window, window);
        }
    }

    /// <summary>The last <paramref name="maxPositions"/> positions, for a model that reads no more; refused when a scored token would fall off.</summary>
    public LabelledSequence TrimmedTo(int maxPositions)
    {
        if (InputIds.Count <= maxPositions) return this;
        var cut = InputIds.Count - maxPositions;
        // Position 0 is never predicted; positions 1..cut are scored now but would not be after the cut.
        if (Labels.Skip(1).Take(cut).Any(label => label != CausalLmLoss.IgnoreIndex))
            throw new ArgumentException($"An example of {InputIds.Count} tokens has scored tokens among its first {cut + 1}, but the model reads only {maxPositions} positions; shorten the completion.");
        return new LabelledSequence(InputIds.Skip(cut).ToArray(), Labels.Skip(cut).ToArray());
    }

    /// <summary>The same sequence as a training example, so evaluation batches are collated as training batches are.</summary>
    public TokenExample ToExample() => new([.. InputIds.Select(id => (long)id)], [.. Labels.Select(label => (long)label)]);
}
