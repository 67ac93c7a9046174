namespace Governance.Core.Bias;

/// <summary>A term found in a text: its id and UTF-16 range.</summary>
internal readonly record struct TermMatch(int Id, int Start, int End);

/// <summary>
/// Finds terms in text in one pass over its words, without allocating per text: terms are indexed by their first word
/// (case-insensitive lookup on the span), and only candidates starting with a text's word are compared further.
/// Terms sit in layers (one per axis, one for negative terms): within a layer matches do not overlap and the longest
/// wins ("non-disabled" is not also "disabled"); across layers they may ("young man" is age and gender).
/// </summary>
internal sealed class TermMatcher
{
    private sealed record Candidate(string[] Rest, int Id, int Layer);

    private readonly Dictionary<string, Candidate[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly int _layers;
    private readonly int _longestFirstWord;

    public TermMatcher(IEnumerable<(string Term, int Id, int Layer)> terms)
    {
        var byFirst = new Dictionary<string, List<Candidate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, id, layer) in terms)
        {
            var words = Words.Split(term);
            if (words.Count == 0) continue;
            var candidate = new Candidate([.. words.Skip(1)], id, layer);
            var list = byFirst.TryGetValue(words[0], out var existing) ? existing : byFirst[words[0]] = [];
            if (!list.Any(c => c.Id == id && c.Layer == layer && c.Rest.SequenceEqual(candidate.Rest, StringComparer.OrdinalIgnoreCase))) list.Add(candidate);
            _layers = Math.Max(_layers, layer + 1);
            _longestFirstWord = Math.Max(_longestFirstWord, words[0].Length);
        }
        // Longest first, so that the first match in a layer at a position is the longest one there.
        _byFirstWord = byFirst.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(c => c.Rest.Length).ThenBy(c => c.Id).ToArray(),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Sets <paramref name="found"/>[id] for every term in <paramref name="text"/> (in normal form C); adds each match to <paramref name="matches"/> when given.</summary>
    public void Scan(ReadOnlySpan<char> text, Span<bool> found, List<TermMatch>? matches = null)
    {
        Span<int> coveredUntil = _layers <= 64 ? stackalloc int[_layers] : new int[_layers];
        for (var start = Words.NextStart(text, 0); start < text.Length; start = Words.NextStart(text, start))
        {
            var end = Words.End(text, start);
            if (end - start <= _longestFirstWord && _byFirstWord.TryGetValue(text[start..end], out var candidates))
                foreach (var candidate in candidates)
                {
                    if (start < coveredUntil[candidate.Layer]) continue;
                    var matchEnd = MatchRest(text, end, candidate.Rest);
                    if (matchEnd < 0) continue;
                    found[candidate.Id] = true;
                    coveredUntil[candidate.Layer] = matchEnd;
                    matches?.Add(new TermMatch(candidate.Id, start, matchEnd));
                }
            start = end;
        }
    }

    /// <summary>Where the match ends when the words after <paramref name="position"/> are <paramref name="rest"/>; -1 otherwise.</summary>
    private static int MatchRest(ReadOnlySpan<char> text, int position, string[] rest)
    {
        foreach (var word in rest)
        {
            var start = Words.NextStart(text, position);
            if (start == text.Length || !Words.IsJoiner(text[position..start])) return -1;
            var end = Words.End(text, start);
            if (!text[start..end].Equals(word, StringComparison.OrdinalIgnoreCase)) return -1;
            position = end;
        }
        return position;
    }
}
