using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// People's names without a neural model: runs of two or three capitalised words scored by the locale name lists
/// (<see cref="PersonNames"/>): a known given name followed by a known family name is likely, a title (Mr, Dr, Frau,
/// Mme...) before capitalised words is likely, a known given name with a capitalised word after it needs a context
/// word to count; a lone given name counts after "my name is", "I am", "Dear", "Regards," and the like.
/// </summary>
public sealed partial class PersonRecognizer : RegexRecognizer
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Street", "Road", "Avenue", "Inc", "Ltd", "GmbH", "LLC", "Corp", "Company", "Bank", "University", "Hospital", "Hotel", "Airport",
        "January", "February", "March", "July", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday", "Dear", "Hello", "Thanks", "Regards", "Team", "Support", "Service",
    };

    /// <inheritdoc />
    public override string Name => "person";

    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["name", "named", "called", "customer", "patient", "signed", "contact", "employee", "user", "client", "agent"];

    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var words = match.Value.Split(' ');
        // Most capitalised runs are sentence openers ("Hello", "Thanks"): without a known name in the run or a title or
        // cue before it, there is nothing to judge.
        var before = text.AsSpan(0, match.Index).TrimEnd();
        if (!words.Any(w => PersonNames.IsGivenName(w) || PersonNames.IsFamilyName(w) || Titles.Contains(w) || Cues.Contains(w.ToLowerInvariant()))
            && Title(before) is null && Cue(before) is null) return null;
        var title = Title(before);
        var cue = Cue(before);
        var skip = 0;
        // The run itself may open with the title or the greeting ("Frau Schneider", "Dear Jean-Luc Picard").
        if (words.Length > 1 && Titles.Contains(words[0])) (title, skip) = (words[0], 1);
        else if (words.Length > 1 && Cues.Contains(words[0].ToLowerInvariant())) (cue, skip) = (words[0], 1);
        // Or with a word that only opens the sentence ("Yesterday Sarah Johnson"): then the name starts at the first
        // known given name.
        var given = Array.FindIndex(words, skip, PersonNames.IsGivenName);
        var first = title is not null || cue is not null ? skip : given;
        // No known given name, but a known family name ends the run: the name is that and the word before it.
        if (first < 0 && words.Length - skip >= 2 && PersonNames.IsFamilyName(words[^1])) first = words.Length - 2;
        if (first < 0) return null;
        var name = words[first..];
        if (name.Any(NotNames.Contains)) return null;
        var start = match.Index + words[..first].Sum(w => w.Length + 1);
        var end = match.Index + match.Length;
        if (title is not null) return Found(PiiTypes.Person, start, end, 0.85, $"title '{title}' before a capitalised name");
        var knownGiven = PersonNames.IsGivenName(name[0]);
        var knownFamily = PersonNames.IsFamilyName(name[^1]);
        if (name.Length >= 2)
        {
            if (knownGiven && knownFamily) return Found(PiiTypes.Person, start, end, 0.85, "known given and family names");
            if (cue is not null) return Found(PiiTypes.Person, start, end, knownGiven || knownFamily ? 0.8 : 0.7, $"'{cue}' before capitalised names");
            return knownGiven || knownFamily ? Found(PiiTypes.Person, start, end, 0.45, $"a known {(knownGiven ? "given" : "family")} name and a capitalised word") : null;
        }
        return cue is not null && (knownGiven || knownFamily)
            ? Found(PiiTypes.Person, start, end, 0.7, $"'{cue}' before a known name")
            : null;
    }

    private static readonly string[] Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Herr", "Frau", "M.", "Mme", "Mlle", "Sr", "Sra", "Sig"];

    private static readonly string[] Cues =
        ["my name is", "name:", "i am", "i'm", "this is", "dear", "hi", "hello", "regards,", "thanks,", "sincerely,", "cheers,", "signed", "ich bin", "je m'appelle", "me llamo", "sono"];

    /// <summary>The title just before a name ("Mr.", "Frau"), if any.</summary>
    private static string? Title(ReadOnlySpan<char> before)
    {
        var word = before.TrimEnd('.');
        foreach (var title in Titles)
            if (word.EndsWith(title.TrimEnd('.'), StringComparison.Ordinal) && (word.Length == title.TrimEnd('.').Length || !char.IsLetter(word[^(title.TrimEnd('.').Length + 1)])))
                return title;
        return null;
    }

    /// <summary>The phrase just before a name that introduces one ("my name is", "Dear", "Regards,"), if any.</summary>
    private static string? Cue(ReadOnlySpan<char> before)
    {
        foreach (var cue in Cues)
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase) && (before.Length == cue.Length || !char.IsLetter(before[^(cue.Length + 1)])))
                return cue;
        return null;
    }

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?){0,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
