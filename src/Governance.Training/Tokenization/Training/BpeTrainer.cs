using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Training;

/// <summary>
/// Trains byte-level BPE as GPT-2 did: count GPT-2 pre-tokenizer words over the corpus, then repeatedly merge the most
/// frequent adjacent pair (ties broken by the ordinal order of the two tokens, so a corpus always gives the same
/// tokenizer) until the vocabulary is full or no pair is frequent enough.
/// </summary>
public static class BpeTrainer
{
    /// <summary>The trained tokenizer for <paramref name="lines"/>.</summary>
    public static BpeTrainingResult Train(IEnumerable<string> lines, BpeTrainerSettings settings)
    {
        if (settings.VocabSize < settings.BaseSize)
            throw new ArgumentException(
                $"VocabSize {settings.VocabSize} is below {settings.BaseSize}, the special tokens plus the 256 bytes.", nameof(settings));
        if (settings.SpecialTokens.Distinct().Count() != settings.SpecialTokens.Count || settings.SpecialTokens.Any(string.IsNullOrEmpty))
            throw new ArgumentException("SpecialTokens must be distinct and non-empty.", nameof(settings));
        var tokens = new List<string>(settings.SpecialTokens);
        tokens.AddRange(Enumerable.Range(0, 256).Select(b => ByteLevelAlphabet.Char((byte)b).ToString()));
        var words = new MergeableWords(CountWords(lines), settings.SpecialTokens.Count, tokens);
        var merges = new List<(string, string)>();
        var known = tokens.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal);
        while (tokens.Count < settings.VocabSize && words.MostFrequentPair(settings.MinFrequency) is var (left, right))
        {
            var merged = tokens[left] + tokens[right];
            if (!known.TryGetValue(merged, out var mergedId))
            {
                mergedId = tokens.Count;
                tokens.Add(merged);
                known[merged] = mergedId;
            }
            merges.Add((tokens[left], tokens[right]));
            words.Merge(left, right, mergedId);
        }
        var added = settings.SpecialTokens.Select((token, id) => new AddedToken(id, token, Special: true)).ToList();
        // Special tokens are in the model's vocab too, as Hugging Face's trainer writes them: its loader gives an
        // added token missing from the vocab a new id instead of the one listed.
        return new BpeTrainingResult(new ByteLevelBpeVocabulary(known, merges, added), words.Segmentations());
    }

    private static Dictionary<string, long> CountWords(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        foreach (var word in RegexPreTokenizer.Gpt2.Split(line))
        {
            var symbols = ByteLevelAlphabet.Encode(word);
            counts[symbols] = counts.GetValueOrDefault(symbols) + 1;
        }
        return counts;
    }
}
