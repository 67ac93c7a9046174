using System.Text.RegularExpressions;

namespace Governance.Training.Tokenization;

/// <summary>Cuts text at added tokens; plain added tokens always count, special ones only when asked.</summary>
internal sealed class AddedTokenSplitter
{
    private readonly Dictionary<string, int> _ids;
    private readonly Regex? _withSpecial;
    private readonly Regex? _plainOnly;

    public AddedTokenSplitter(IEnumerable<AddedToken> tokens)
    {
        var list = tokens.Where(t => t.Content.Length > 0).ToList();
        _ids = list.GroupBy(t => t.Content, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        _withSpecial = Alternation(list);
        _plainOnly = Alternation(list.Where(t => !t.Special));
    }

    /// <summary>The pieces of <paramref name="text"/> in order: plain text (Id null) or a matched added token.</summary>
    public IEnumerable<(string Text, int? Id)> Split(string text, bool parseSpecialTokens)
    {
        var pattern = parseSpecialTokens ? _withSpecial : _plainOnly;
        if (pattern is null)
        {
            yield return (text, null);
            yield break;
        }
        var start = 0;
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            if (match.Index > start) yield return (text[start..match.Index], null);
            yield return (match.Value, _ids[match.Value]);
            start = match.Index + match.Length;
        }
        if (start < text.Length) yield return (text[start..], null);
    }

    private static Regex? Alternation(IEnumerable<AddedToken> tokens)
    {
        // Longest first, so "<|im_start|>" wins over a shorter token that is its prefix.
        var contents = tokens.Select(t => t.Content).Distinct(StringComparer.Ordinal)
            .OrderByDescending(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).Select(Regex.Escape).ToList();
        return contents.Count == 0 ? null : new Regex(string.Join('|', contents), RegexOptions.CultureInvariant);
    }
}
