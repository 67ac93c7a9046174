namespace Governance.Training.Generation;

/// <summary>Why generation ended.</summary>
public enum GenerationStop
{
    /// <summary>It reached <see cref="GenerationSettings.MaxNewTokens"/>.</summary>
    Length,

    /// <summary>The model chose <see cref="GenerationSettings.EosTokenId"/>.</summary>
    EndOfSequence,

    /// <summary>The continuation came to contain one of <see cref="GenerationSettings.StopSequences"/>.</summary>
    StopSequence,
}

/// <summary>
/// A continuation: its text (decoded on its own, without the prompt, and cut before a stop sequence), the token ids
/// generated (the end-of-sequence token excluded, the tokens of a stop sequence included), and why it ended.
/// </summary>
public sealed record GenerationResult(string Text, IReadOnlyList<int> TokenIds, GenerationStop Stop);
