using Governance.Training.Generation;

namespace Governance.Training.Tests.Evaluation;

/// <summary>A codec with one token per word of a fixed vocabulary; any other word is <c>&lt;unk&gt;</c>.</summary>
public static class WordCodec
{
    public const int Eos = 0;
    private const int Unknown = 1;

    private static readonly string[] Vocabulary =
        ["<eos>", "<unk>", "he", "she", "said", "is", "a", "doctor", "nurse", "went", "home", "late", "the", "and", "to", "work"];

    public static readonly TextCodec Codec = new(Encode, Decode);

    private static IReadOnlyList<int> Encode(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => Array.IndexOf(Vocabulary, word) is var id and >= 0 ? id : Unknown)];

    private static string Decode(IReadOnlyList<int> ids) => string.Join(' ', ids.Select(id => Vocabulary[id]));
}
