using System.Text.Json;
using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the classic GPT-2 layout: vocab.json (token to id) and merges.txt (one "left right" pair a line).</summary>
internal static class Gpt2VocabFiles
{
    public const string VocabName = "vocab.json";
    public const string MergesName = "merges.txt";

    public static BpeParts Read(string vocabFile, string mergesFile) => new(
        vocabFile, Vocab(vocabFile), Merges(mergesFile), [], text => text, RegexPreTokenizer.Gpt2, ByteLevel: true,
        StripLeadingSpace: false);

    private static Dictionary<string, int> Vocab(string file)
    {
        using var document = Json.Parse(file);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw TokenizerFault.In(file, "the root", "is not an object of token ids.");
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
            vocab[entry.Name] = entry.Value.TryGetInt32(out var id) && id >= 0
                ? id
                : throw TokenizerFault.In(file, $"\"{entry.Name}\"", "is not a non-negative integer id.");
        return vocab;
    }

    private static List<(string, string)> Merges(string file)
    {
        var merges = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal))) continue;
            merges.Add(line.Split(' ') is [var left, var right]
                ? (left, right)
                : throw TokenizerFault.In(file, $"line {lineNumber}", "is not two tokens separated by one space."));
        }
        return merges;
    }
}
