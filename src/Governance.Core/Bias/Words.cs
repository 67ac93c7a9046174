using System.Globalization;
using System.Text;

namespace Governance.Core.Bias;

/// <summary>
/// What "whole word" means for term matching: a word is a run of letters, digits and combining marks in any script,
/// so "he" is no word of "the" and "café" is one word. Between the words of a term only white space and dashes may
/// stand, so "non-binary" and "non binary" match alike but "black. People" does not match "black people".
/// </summary>
internal static class Words
{
    public static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.GetUnicodeCategory(c) <= UnicodeCategory.DecimalDigitNumber;

    /// <summary>Where the next word starts at or after <paramref name="from"/>; the length of the text when none does.</summary>
    public static int NextStart(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length && !IsWordChar(text[from])) from++;
        return from;
    }

    /// <summary>Where the word starting at <paramref name="start"/> ends (exclusive).</summary>
    public static int End(ReadOnlySpan<char> text, int start)
    {
        while (start < text.Length && IsWordChar(text[start])) start++;
        return start;
    }

    /// <summary>True when only white space and dashes stand between two words of a term.</summary>
    public static bool IsJoiner(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.DashPunctuation) return false;
        return true;
    }

    /// <summary>The words of a term, in Unicode normal form C.</summary>
    public static List<string> Split(string term)
    {
        var text = Normalized(term);
        var words = new List<string>();
        for (var start = NextStart(text, 0); start < text.Length; start = NextStart(text, start))
        {
            var end = End(text, start);
            words.Add(text[start..end]);
            start = end;
        }
        return words;
    }

    /// <summary>A term as matching sees it: its words, lower-cased, one space apart.</summary>
    public static string Key(string term) => string.Join(' ', Split(term)).ToLowerInvariant();

    /// <summary>The text in normal form C, so that a decomposed "é" matches a composed one; most text already is.</summary>
    public static string Normalized(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
