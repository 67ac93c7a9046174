using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// People's names without a neural model: runs of two or three capitalised words scored by the locale name lists
/// (<see cref="PersonNames"/>): a known given name followed by a known family name is likely, a title (Mr, Dr, Frau,
/// Mme...) before capitalised words is likely, a known given name with a capitalised word after it needs a context
/// word to count; a lone given name counts after "my name is", "I am", "Dear", "Regards," and the like.
/// </summary>
/// <remarks>
/// Every text has capitalised runs and few are names, so runs are judged as spans of the text: a run that is not a name
/// costs no allocation.
/// </remarks>
public sealed partial class PersonRecognizer : IPiiRecognizer
{
    /// <summary>The pattern's runs have one word and up to two more, each without a space.</summary>
    private const int MaxWords = 3;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Street", "Road", "Avenue", "Inc", "Ltd", "GmbH", "LLC", "Corp", "Company", "Bank", "University", "Hospital", "Hotel", "Airport",
        "January", "February", "March", "July", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday", "Dear", "Hello", "Thanks", "Regards", "Team", "Support", "Service",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc />
    public string Name => "person";

    /// <inheritdoc />
    public IReadOnlyList<string> ContextWords => ["name", "named", "called", "customer", "patient", "signed", "contact", "employee", "user", "client", "agent"];

    /// <inheritdoc />
    public IEnumerable<PiiFinding> Recognize(string text)
    {
        List<PiiFinding>? found = null;
        foreach (var run in Candidate().EnumerateMatches(text))
            if (Judge(run.Index, run.Length, text) is { } finding) (found ??= []).Add(finding);
        return found ?? [];
    }

    private PiiFinding? Judge(int index, int length, string text)
    {
        var run = text.AsSpan(index, length);
        Span<Range> ranges = stackalloc Range[MaxWords];
        var words = ranges[..run.Split(ranges, ' ')];
        // Most capitalised runs are sentence openers ("Hello", "Thanks"): without a known name in the run or a title or
        // cue before it, there is nothing to judge.
        var before = text.AsSpan(0, index).TrimEnd();
        var title = Title(before);
        var cue = Cue(before);
        if (title is null && cue is null && !AnyKnown(run, words)) return null;
        var skip = 0;
        // The run itself may open with the title or the greeting ("Frau Schneider", "Dear Jean-Luc Picard").
        if (words.Length > 1 && TitleWord(run[words[0]]) is { } opening) (title, skip) = (opening, 1);
        else if (words.Length > 1 && IsCue(run[words[0]])) (cue, skip) = (run[words[0]].ToString(), 1);
        // Or with a word that only opens the sentence ("Yesterday Sarah Johnson"): then the name starts at the first
        // known given name.
        var given = -1;
        for (var i = skip; i < words.Length && given < 0; i++) if (PersonNames.IsGivenName(run[words[i]])) given = i;
        var first = title is not null || cue is not null ? skip : given;
        // No known given name, but a known family name ends the run: the name is that and the word before it.
        if (first < 0 && words.Length - skip >= 2 && PersonNames.IsFamilyName(run[words[^1]])) first = words.Length - 2;
        if (first < 0) return null;
        var name = words[first..];
        foreach (var word in name) if (NotNames.Contains(run[word])) return null;
        var start = index + words[first].Start.Value;
        var end = index + length;
        if (title is not null) return Found(start, end, 0.85, $"title '{title}' before a capitalised name");
        var knownGiven = PersonNames.IsGivenName(run[name[0]]);
        var knownFamily = PersonNames.IsFamilyName(run[name[^1]]);
        if (name.Length >= 2)
        {
            if (knownGiven && knownFamily) return Found(start, end, 0.85, "known given and family names");
            if (cue is not null) return Found(start, end, knownGiven || knownFamily ? 0.8 : 0.7, $"'{cue}' before capitalised names");
            return knownGiven || knownFamily ? Found(start, end, 0.45, $"a known {(knownGiven ? "given" : "family")} name and a capitalised word") : null;
        }
        return cue is not null && (knownGiven || knownFamily)
            ? Found(start, end, 0.7, $"'{cue}' before a known name")
            : null;
    }

    private PiiFinding Found(int start, int end, double score, string reason) => new(PiiTypes.Person, start, end, score, Name, reason);

    /// <summary>Whether a word of the run is a known name, a title or a cue.</summary>
    private static bool AnyKnown(ReadOnlySpan<char> run, ReadOnlySpan<Range> words)
    {
        foreach (var range in words)
        {
            var word = run[range];
            if (PersonNames.IsKnownName(word) || TitleWord(word) is not null || IsCue(word)) return true;
        }
        return false;
    }

    private static readonly string[] Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Herr", "Frau", "M.", "Mme", "Mlle", "Sr", "Sra", "Sig"];

    private static readonly string[] Cues =
        ["my name is", "name:", "i am", "i'm", "this is", "dear", "hi", "hello", "regards,", "thanks,", "sincerely,", "cheers,", "signed", "ich bin", "je m'appelle", "me llamo", "sono"];

    private static readonly int LongestCue = Cues.Max(c => c.Length);

    private static readonly Dictionary<char, string[]> CuesByLastCharacter =
        Cues.GroupBy(c => char.ToUpperInvariant(c[^1])).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The title that <paramref name="word"/> is (exactly), if any.</summary>
    private static string? TitleWord(ReadOnlySpan<char> word)
    {
        if (word.Length > LongestTitle) return null;
        foreach (var title in Titles)
            if (word.SequenceEqual(title)) return title;
        return null;
    }

    private static readonly int LongestTitle = Titles.Max(t => t.Length);

    /// <summary>Whether <paramref name="word"/>, in lower case, is a cue.</summary>
    private static bool IsCue(ReadOnlySpan<char> word)
    {
        if (word.Length > LongestCue) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return CueSet.Contains(lower);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueSet = new HashSet<string>(Cues, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The titles without their dots ("M." as "M"), as <see cref="Title"/> compares them.</summary>
    private static readonly string[] BareTitles = [.. Titles.Select(t => t.TrimEnd('.'))];

    /// <summary>The title just before a name ("Mr.", "Frau"), if any.</summary>
    /// <remarks>
    /// A bare title is all letters, so it ends the text with no letter before it exactly when it is the text's last run
    /// of letters: that run is looked up instead of comparing every title's ending.
    /// </remarks>
    private static string? Title(ReadOnlySpan<char> before)
    {
        var word = before.TrimEnd('.');
        var start = word.Length;
        while (start > 0 && word.Length - start <= LongestTitle && char.IsLetter(word[start - 1])) start--;
        var letters = word[start..];
        if (letters.IsEmpty || letters.Length > LongestTitle) return null;
        for (var i = 0; i < Titles.Length; i++)
            if (letters.SequenceEqual(BareTitles[i])) return Titles[i];
        return null;
    }

    /// <summary>The phrase just before a name that introduces one ("my name is", "Dear", "Regards,"), if any.</summary>
    /// <remarks>
    /// Only the cues whose last character matches the text's last one (as ignoring case compares them: upper case,
    /// invariant) are compared.
    /// </remarks>
    private static string? Cue(ReadOnlySpan<char> before)
    {
        if (before.IsEmpty || !CuesByLastCharacter.TryGetValue(char.ToUpperInvariant(before[^1]), out var cues)) return null;
        foreach (var cue in cues)
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase) && (before.Length == cue.Length || !char.IsLetter(before[^(cue.Length + 1)])))
                return cue;
        return null;
    }

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?){0,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
