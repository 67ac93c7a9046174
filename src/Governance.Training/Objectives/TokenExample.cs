namespace Governance.Training.Objectives;

/// <summary>One training sequence of token ids and its labels, <see cref="CausalLmLoss.IgnoreIndex"/> where nothing is learnt.</summary>
public sealed record TokenExample
{
    /// <summary>An example whose labels must match <paramref name="inputIds"/> in length.</summary>
    public TokenExample(long[] inputIds, long[] labels)
    {
        if (inputIds.Length == 0) throw new ArgumentException("A training example needs at least one token.", nameof(inputIds));
        if (labels.Length != inputIds.Length)
            throw new ArgumentException($"An example has {inputIds.Length} tokens but {labels.Length} labels; they must match.", nameof(labels));
        (InputIds, Labels) = (inputIds, labels);
    }

    /// <summary>The token ids.</summary>
    public long[] InputIds { get; }

    /// <summary>One label per token.</summary>
    public long[] Labels { get; }

    /// <summary>Raw text for domain-adaptive pre-training: every token is learnt.</summary>
    public static TokenExample FromText(long[] ids) => new(ids, ids);

    /// <summary>Supervised fine-tuning: the prompt is read but only the completion is learnt.</summary>
    public static TokenExample FromCompletion(long[] prompt, long[] completion) =>
        new([.. prompt, .. completion], [.. prompt.Select(_ => CausalLmLoss.IgnoreIndex), .. completion]);
}
