using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Core.Evaluation;

/// <summary>
/// SQuAD's answer normalisation: lower-case, drop ASCII punctuation, drop the articles "a", "an" and "the" as whole
/// words, and collapse white space, so that "The Eiffel Tower." and "eiffel tower" count as the same answer.
/// </summary>
public static partial class AnswerNormalizer
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>The normalised form of <paramref name="text"/>.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>The words of the normalised form, split on white space.</summary>
    public static string[] Tokens(string text)
    {
        var lower = text.ToLowerInvariant();
        var kept = new StringBuilder(lower.Length);
        foreach (var c in lower)
            if (!Punctuation.Contains(c)) kept.Append(c);
        var withoutArticles = Articles().Replace(kept.ToString(), " ");
        return withoutArticles.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();
}
