using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// A recognizer that finds candidates with a regular expression and judges each match: null drops it, a finding
/// keeps it. Words just before a match that make it something else (an order or version number) lower its score.
/// </summary>
public abstract class RegexRecognizer : IPiiRecognizer
{
    /// <summary>How far before a candidate the lowering words count, in characters.</summary>
    private const int NegativeWindow = 16;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> ContextWords => [];

    /// <summary>Words (lower case) that, just before a candidate, say it is not personal data.</summary>
    protected virtual IReadOnlyList<string> NegativeWords => [];

    /// <inheritdoc />
    public virtual bool MayMatch(TextProfile profile) => true;

    /// <summary>The candidates' pattern.</summary>
    protected abstract Regex Pattern { get; }

    /// <summary>Judges one match; <paramref name="text"/> is the whole text.</summary>
    protected abstract PiiFinding? Judge(Match match, string text);

    /// <inheritdoc />
    public virtual IEnumerable<PiiFinding> Recognize(string text)
    {
        // Match by match rather than through a collection: a text without a match then allocates nothing.
        List<PiiFinding>? found = null;
        for (var match = Pattern.Match(text); match.Success; match = match.NextMatch()) Add(match, text, ref found);
        return found ?? [];
    }

    /// <summary>
    /// For a pattern whose matches are made of <see cref="NumberRun"/> characters only and whose lookarounds see at
    /// most <see cref="NumberMargin"/> characters beyond a match: the fewest digits a finding has. The pattern then
    /// runs only around the number runs that hold as many. Null: it runs over the whole text.
    /// </summary>
    protected virtual int? FewestDigits => null;

    /// <summary>How far the lookarounds of a <see cref="FewestDigits"/> pattern see before or after a match.</summary>
    protected const int NumberMargin = 2;

    /// <inheritdoc />
    public virtual IEnumerable<PiiFinding> Recognize(string text, TextProfile profile)
    {
        if (FewestDigits is not { } fewest) return Recognize(text);
        List<PiiFinding>? found = null;
        foreach (var run in profile.Numbers)
            if (run.Digits >= fewest) AddInRun(Pattern, run, text, ref found);
        return found ?? [];
    }

    /// <summary>
    /// Adds the matches of <paramref name="pattern"/> that lie in <paramref name="run"/>, searching the run and
    /// <see cref="NumberMargin"/> characters on each side, so that the lookarounds see what they would in the whole text.
    /// A match cannot cross a run's ends, so the whole text has the same matches there.
    /// </summary>
    protected void AddInRun(Regex pattern, NumberRun run, string text, ref List<PiiFinding>? found)
    {
        var from = Math.Max(0, run.Start - NumberMargin);
        var to = Math.Min(text.Length, run.End + NumberMargin);
        for (var match = pattern.Match(text, from, to - from); match.Success; match = match.NextMatch())
            if (match.Index >= run.Start && match.Index + match.Length <= run.End) Add(match, text, ref found);
    }

    /// <summary>Judges <paramref name="match"/> and adds its finding, if any, with the lowering words applied.</summary>
    protected void Add(Match match, string text, ref List<PiiFinding>? found)
    {
        if (Judge(match, text) is not { } finding) return;
        if (NegativeWords.Count > 0 && NegativeWord(text, finding.Start) is { } word)
            finding = finding with { Score = Math.Max(0, finding.Score - 0.4), Reason = $"{finding.Reason}; '{word}' before it" };
        (found ??= []).Add(finding);
    }

    /// <summary>A finding of <paramref name="type"/> over <paramref name="start"/>..<paramref name="end"/>.</summary>
    protected PiiFinding Found(string type, int start, int end, double score, string reason) => new(type, start, end, score, Name, reason);

    private string? NegativeWord(string text, int start)
    {
        var from = Math.Max(0, start - NegativeWindow);
        var before = text.AsSpan(from, start - from);
        foreach (var word in NegativeWords)
        {
            // Whole words only: "ver" must not count inside "server", nor "tel" inside "Patel".
            for (var at = before.IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase); at >= 0;)
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetter(before[at - 1])) && (end >= before.Length || !char.IsLetter(before[end]) || !char.IsLetter(word[^1])))
                    return word;
                var next = before[(at + 1)..].IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
        return null;
    }

    /// <summary>The digits of <paramref name="value"/>, separators dropped.</summary>
    protected static string Digits(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[value.Length];
        var count = 0;
        foreach (var c in value) if (char.IsAsciiDigit(c)) digits[count++] = c;
        return new string(digits[..count]);
    }
}
