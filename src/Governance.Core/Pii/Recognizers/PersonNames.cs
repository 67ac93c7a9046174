using Bogus.Bson;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// Given names and family names of many locales, from the locale data Bogus ships (no download), folded to a
/// case-insensitive set each. Built once, on first use.
/// </summary>
public static class PersonNames
{
    private static readonly string[] Locales = ["en", "en_GB", "en_US", "de", "fr", "es", "it", "nl", "pt_BR", "pl", "sv", "tr", "ru", "uk", "ja", "ko", "zh_CN"];

    // Looked up by span, so that the words of a candidate need not become strings.
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Given =
        new(() => Load("first_name", "male_first_name", "female_first_name").GetAlternateLookup<ReadOnlySpan<char>>());

    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Family = new(() => Load("last_name").GetAlternateLookup<ReadOnlySpan<char>>());

    // Both lists in one set: most capitalised words are neither, and one lookup tells so.
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Either = new(() =>
        new HashSet<string>(Given.Value.Set.Concat(Family.Value.Set), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Whether <paramref name="word"/> is a known given name.</summary>
    public static bool IsGivenName(ReadOnlySpan<char> word) => Given.Value.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a known family name.</summary>
    public static bool IsFamilyName(ReadOnlySpan<char> word) => Family.Value.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a known given name or family name.</summary>
    public static bool IsKnownName(ReadOnlySpan<char> word) => Either.Value.Contains(word);

    private static HashSet<string> Load(params string[] paths)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var locale in Locales)
            foreach (var path in paths)
            {
                if (!Bogus.Database.LocaleResourceExists(locale) || !Bogus.Database.HasKey("name", path, locale, locale)) continue;
                if (Bogus.Database.Get("name", path, locale, locale) is BArray values)
                    foreach (var value in values.OfType<BValue>())
                        if (value.StringValue is { Length: > 1 } name && !name.Contains('#')) names.Add(name);
            }
        // Words that are names somewhere but mostly mean something else in support text.
        names.ExceptWith(["Will", "May", "June", "April", "August", "Summer", "Bill", "Mark", "Grant", "Chase", "Hope", "Faith", "Joy", "Rose",
            "Dear", "Thanks", "Best", "Order", "Support", "Team", "Customer", "Service", "Monday", "Friday", "Paris", "London", "Berlin"]);
        return names;
    }
}
