using System.Text.Json;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Training;

namespace Governance.Training.Tests.Tokenization;

/// <summary>
/// GPT-2's tokenizer files rebuilt from the ranks Microsoft.ML.Tokenizers ships: each token's merge is the last step
/// of byte-pair merging its bytes with the lower-ranked tokens only.
/// </summary>
public static class Gpt2TokenizerFiles
{
    private static readonly Lazy<ByteLevelBpeVocabulary> Derived = new(Derive);

    public static ByteLevelBpeVocabulary Vocabulary => Derived.Value;

    public static void WriteTokenizerJson(string folder) => TokenizerJsonWriter.Write(folder, Vocabulary,
        new TokenizerConfigSettings(TiktokenGpt2Tokenizer.EndOfText, TiktokenGpt2Tokenizer.EndOfText, null, null, 1024));

    public static void WriteVocabAndMerges(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "vocab.json"), JsonSerializer.Serialize(Vocabulary.Vocab));
        File.WriteAllLines(Path.Combine(folder, "merges.txt"),
            ["#version: 0.2", .. Vocabulary.Merges.Select(m => $"{m.Left} {m.Right}")]);
        File.WriteAllText(Path.Combine(folder, "config.json"), """{"bos_token_id": 50256, "eos_token_id": 50256}""");
    }

    private static ByteLevelBpeVocabulary Derive()
    {
        var tokens = TiktokenGpt2Tokenizer.Instance.TokenBytes.Select(bytes => new string(bytes.Select(ByteLevelAlphabet.Char).ToArray())).ToList();
        var ranks = tokens.Select((token, rank) => (token, rank)).ToDictionary(p => p.token, p => p.rank, StringComparer.Ordinal);
        var merges = new List<(string, string)>();
        for (var rank = 0; rank < tokens.Count; rank++)
            if (tokens[rank].Length > 1)
                merges.Add(LastMerge(tokens[rank], rank, ranks));
        var endOfText = tokens.Count;
        ranks[TiktokenGpt2Tokenizer.EndOfText] = endOfText;
        return new ByteLevelBpeVocabulary(ranks, merges,
            [new AddedToken(endOfText, TiktokenGpt2Tokenizer.EndOfText, Special: true)]);
    }

    private static (string, string) LastMerge(string token, int rank, Dictionary<string, int> ranks)
    {
        var parts = token.Select(c => c.ToString()).ToList();
        while (parts.Count > 2)
        {
            var best = -1;
            var bestRank = rank;
            for (var i = 0; i < parts.Count - 1; i++)
                if (ranks.TryGetValue(parts[i] + parts[i + 1], out var r) && r < bestRank) (best, bestRank) = (i, r);
            if (best < 0) throw new InvalidDataException($"Token {rank} cannot be built from lower-ranked tokens.");
            parts[best] += parts[best + 1];
            parts.RemoveAt(best + 1);
        }
        return (parts[0], parts[1]);
    }
}
