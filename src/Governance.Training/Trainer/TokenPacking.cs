using Governance.Training.Objectives;

namespace Governance.Training.Trainer;

/// <summary>Domain-adaptive pre-training input: documents joined into one token stream and cut into equal blocks.</summary>
public static class TokenPacking
{
    /// <summary>
    /// Concatenates <paramref name="documents"/>, each followed by <paramref name="separatorId"/> when given, and cuts
    /// the stream into blocks of <paramref name="blockSize"/> tokens whose every token is learnt; the incomplete tail
    /// is dropped, as transformers' run_clm group_texts does.
    /// </summary>
    public static IReadOnlyList<TokenExample> Pack(IEnumerable<long[]> documents, int blockSize, long? separatorId = null)
    {
        if (blockSize < 2) throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "A block needs at least 2 tokens.");
        var stream = documents.SelectMany(document => separatorId is { } separator ? [.. document, separator] : document);
        return [.. stream.Chunk(blockSize).Where(block => block.Length == blockSize).Select(TokenExample.FromText)];
    }
}
