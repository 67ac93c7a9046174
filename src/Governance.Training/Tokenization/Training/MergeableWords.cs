namespace Governance.Training.Tokenization.Training;

/// <summary>
/// The corpus's distinct words as token sequences with their counts, and the count of every adjacent pair, kept up to
/// date as merges are applied so each merge touches only the words that hold its pair.
/// </summary>
internal sealed class MergeableWords
{
    private readonly string[] _texts;
    private readonly List<int>[] _symbols;
    private readonly long[] _counts;
    private readonly Dictionary<long, long> _pairCounts = [];
    private readonly Dictionary<long, HashSet<int>> _pairWords = [];
    private readonly PriorityQueue<long, (long Count, long Pair)> _queue;

    public MergeableWords(Dictionary<string, long> wordCounts, int firstByteId, IReadOnlyList<string> tokens)
    {
        _queue = new PriorityQueue<long, (long, long)>(new MostFrequentFirst(tokens));
        _texts = [.. wordCounts.Keys];
        _counts = [.. wordCounts.Values];
        _symbols = _texts.Select(text => text.Select(c => firstByteId + ByteValue(c)).ToList()).ToArray();
        for (var word = 0; word < _symbols.Length; word++) CountPairs(word, +1);
        foreach (var (pair, count) in _pairCounts) _queue.Enqueue(pair, (count, pair));
    }

    /// <summary>The most frequent pair seen at least <paramref name="minFrequency"/> times, or null when none is.</summary>
    public (int Left, int Right)? MostFrequentPair(int minFrequency)
    {
        while (_queue.TryDequeue(out var pair, out var queued))
        {
            var current = _pairCounts.GetValueOrDefault(pair);
            if (current != queued.Count)
            {
                // Counts of existing pairs only fall; a stale entry goes back with its current count.
                if (current > 0) _queue.Enqueue(pair, (current, pair));
                continue;
            }
            return current >= Math.Max(minFrequency, 1) ? ((int)(pair >> 32), (int)pair) : null;
        }
        return null;
    }

    /// <summary>Replaces each occurrence of (left, right), left to right, with <paramref name="merged"/>.</summary>
    public void Merge(int left, int right, int merged)
    {
        var pair = Key(left, right);
        if (!_pairWords.Remove(pair, out var holders)) return;
        var fresh = new HashSet<long>();
        foreach (var word in holders)
        {
            var symbols = _symbols[word];
            if (!Contains(symbols, left, right)) continue;
            CountPairs(word, -1);
            for (var i = 0; i < symbols.Count - 1; i++)
                if (symbols[i] == left && symbols[i + 1] == right)
                {
                    symbols[i] = merged;
                    symbols.RemoveAt(i + 1);
                }
            CountPairs(word, +1);
            for (var i = 0; i < symbols.Count - 1; i++)
                if (symbols[i] == merged || symbols[i + 1] == merged) fresh.Add(Key(symbols[i], symbols[i + 1]));
        }
        foreach (var created in fresh) _queue.Enqueue(created, (_pairCounts[created], created));
    }

    /// <summary>Each distinct word (in GPT-2's byte alphabet) and the ids the merges so far split it into.</summary>
    public IReadOnlyDictionary<string, int[]> Segmentations() =>
        _texts.Select((text, word) => (text, word)).ToDictionary(p => p.text, p => _symbols[p.word].ToArray(), StringComparer.Ordinal);

    private void CountPairs(int word, int sign)
    {
        var symbols = _symbols[word];
        for (var i = 0; i < symbols.Count - 1; i++)
        {
            var pair = Key(symbols[i], symbols[i + 1]);
            _pairCounts[pair] = _pairCounts.GetValueOrDefault(pair) + sign * _counts[word];
            if (sign > 0)
            {
                if (!_pairWords.TryGetValue(pair, out var holders)) _pairWords[pair] = holders = [];
                holders.Add(word);
            }
        }
    }

    private static bool Contains(List<int> symbols, int left, int right)
    {
        for (var i = 0; i < symbols.Count - 1; i++)
            if (symbols[i] == left && symbols[i + 1] == right) return true;
        return false;
    }

    private static int ByteValue(char symbol) => ByteLevelAlphabet.TryDecode(symbol.ToString())![0];

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>Higher counts first; equal counts by the ordinal order of the left, then the right token.</summary>
    private sealed class MostFrequentFirst(IReadOnlyList<string> tokens) : IComparer<(long Count, long Pair)>
    {
        public int Compare((long Count, long Pair) x, (long Count, long Pair) y)
        {
            if (x.Count != y.Count) return y.Count.CompareTo(x.Count);
            var left = string.CompareOrdinal(tokens[(int)(x.Pair >> 32)], tokens[(int)(y.Pair >> 32)]);
            return left != 0 ? left : string.CompareOrdinal(tokens[(int)x.Pair], tokens[(int)y.Pair]);
        }
    }
}
