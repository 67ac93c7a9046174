using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Governance.Training.Tokenization.Bpe;

/// <summary>
/// Byte-pair encoding of one word: start from its characters and apply the lowest-ranked merge present (leftmost on a
/// tie) until none applies, as Hugging Face tokenizers does. Results are cached per word.
/// </summary>
internal sealed class BpeModel
{
    private const int CacheLimit = 200_000;
    private readonly IReadOnlyDictionary<string, int> _vocab;
    private readonly Dictionary<long, (int Rank, int Id)> _merges;
    private readonly int? _unknownId;
    private readonly int[]? _byteFallbackIds;
    private readonly bool _ignoreMerges;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    public BpeModel(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<(int Left, int Right, int Merged)> merges,
        int? unknownId, int[]? byteFallbackIds, bool ignoreMerges)
    {
        _vocab = vocab;
        _merges = new Dictionary<long, (int, int)>(merges.Count);
        for (var rank = 0; rank < merges.Count; rank++)
            _merges.TryAdd(Key(merges[rank].Left, merges[rank].Right), (rank, merges[rank].Merged));
        _unknownId = unknownId;
        _byteFallbackIds = byteFallbackIds;
        _ignoreMerges = ignoreMerges;
    }

    /// <summary>Appends the ids of <paramref name="word"/> to <paramref name="ids"/>.</summary>
    public void Encode(string word, List<int> ids)
    {
        if (!_cache.TryGetValue(word, out var cached))
        {
            cached = _ignoreMerges && _vocab.TryGetValue(word, out var whole) ? [whole] : Merge(InitialSymbols(word));
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[word] = cached;
        }
        ids.AddRange(cached);
    }

    private List<int> InitialSymbols(string word)
    {
        var symbols = new List<int>(word.Length);
        var lastWasUnknown = false;
        for (var i = 0; i < word.Length; i += char.IsSurrogatePair(word, i) ? 2 : 1)
        {
            var character = char.IsSurrogatePair(word, i) ? word.Substring(i, 2) : word[i].ToString();
            if (_vocab.TryGetValue(character, out var id)) symbols.Add(id);
            else if (_byteFallbackIds is not null)
                symbols.AddRange(Encoding.UTF8.GetBytes(character).Select(b => _byteFallbackIds[b]));
            else if (_unknownId is { } unknown)
            {
                if (!lastWasUnknown) symbols.Add(unknown);
                lastWasUnknown = true;
                continue;
            }
            else
                throw new InvalidDataException(
                    $"The tokenizer has no token for U+{char.ConvertToUtf32(character, 0).ToString("X4", CultureInfo.InvariantCulture)} and no unk_token or byte_fallback.");
            lastWasUnknown = false;
        }
        return symbols;
    }

    private int[] Merge(List<int> symbols)
    {
        var count = symbols.Count;
        if (count < 2) return [.. symbols];
        var next = new int[count];
        var previous = new int[count];
        for (var i = 0; i < count; i++) (next[i], previous[i]) = (i + 1 < count ? i + 1 : -1, i - 1);
        var queue = new PriorityQueue<(int Position, int Left, int Right), (int Rank, int Position)>();
        void Consider(int position)
        {
            if (position < 0 || next[position] < 0) return;
            var (left, right) = (symbols[position], symbols[next[position]]);
            if (_merges.TryGetValue(Key(left, right), out var merge)) queue.Enqueue((position, left, right), (merge.Rank, position));
        }
        for (var i = 0; i < count - 1; i++) Consider(i);
        while (queue.TryDequeue(out var pair, out _))
        {
            var right = next[pair.Position];
            if (symbols[pair.Position] != pair.Left || right < 0 || symbols[right] != pair.Right) continue;
            symbols[pair.Position] = _merges[Key(pair.Left, pair.Right)].Id;
            symbols[right] = -1;
            next[pair.Position] = next[right];
            if (next[right] >= 0) previous[next[right]] = pair.Position;
            Consider(previous[pair.Position]);
            Consider(pair.Position);
        }
        return symbols.Where(s => s >= 0).ToArray();
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}
