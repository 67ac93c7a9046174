using System.Text;

namespace Governance.Core.Bias;

/// <summary>
/// Rewrites a text with each term of a pair replaced by the other ("He met his sister" becomes "She met hers
/// brother" with the default gender pairs: the swap is word for word, and "her" is both "him" and "his", so a probe
/// should read counterfactuals as approximate). Case follows the original: "HE" becomes "SHE", "He" becomes "She".
/// A model bias probe compares a model's answers on a text and on its counterfactual.
/// </summary>
public sealed class CounterfactualSwapper
{
    private readonly TermMatcher _matcher;
    private readonly string[] _replacements;

    /// <summary>A swapper for <paramref name="pairs"/>, which must not repeat a term (see <see cref="BiasConfigurationValidator"/>).</summary>
    public CounterfactualSwapper(IEnumerable<CounterfactualPair> pairs)
    {
        var list = pairs.ToList();
        _replacements = [.. list.SelectMany(p => new[] { p.Second, p.First })];
        _matcher = new TermMatcher(list.SelectMany((p, i) => new[] { (p.First, 2 * i, 0), (p.Second, 2 * i + 1, 0) }));
    }

    /// <summary>A swapper for the pairs of <paramref name="axis"/>.</summary>
    public static CounterfactualSwapper For(BiasAxis axis) => new(axis.CounterfactualPairs);

    /// <summary>The counterfactual of <paramref name="text"/> (in normal form C); the text itself when no term occurs.</summary>
    public string Swap(string text)
    {
        text = Words.Normalized(text);
        var matches = new List<TermMatch>();
        _matcher.Scan(text, new bool[_replacements.Length], matches);
        if (matches.Count == 0) return text;
        var result = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (var match in matches)
        {
            result.Append(text, position, match.Start - position);
            result.Append(InCaseOf(text.AsSpan(match.Start, match.End - match.Start), _replacements[match.Id]));
            position = match.End;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    private static string InCaseOf(ReadOnlySpan<char> original, string replacement)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in original)
            if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        // One capital letter alone ("I") says nothing about the case of a longer replacement beyond its first letter.
        if (letters > 1 && upper == letters) return replacement.ToUpperInvariant();
        if (replacement.Length > 0 && char.IsUpper(original[0])) return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        return replacement;
    }
}
