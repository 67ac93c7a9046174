using Governance.Core.Pii.Recognizers;

namespace Governance.Core.Pii;

/// <summary>
/// Scans text with every recognizer: raises a candidate's score when a context word of its recognizer appears within
/// <see cref="PiiSettings.ContextWindow"/> characters, drops allow-listed values and those under the threshold, adds
/// deny-listed values, and resolves overlaps (the higher score wins, then the longer span). Pure C#, no services.
/// </summary>
public sealed class PiiScanner
{
    private readonly IReadOnlyList<IPiiRecognizer> _recognizers;
    private readonly PiiSettings _settings;
    private readonly HashSet<string> _allow;

    /// <summary>A scanner with the built-in recognizers.</summary>
    public PiiScanner(PiiSettings? settings = null) : this(BuiltIn(), settings) { }

    /// <summary>A scanner with the given recognizers.</summary>
    public PiiScanner(IReadOnlyList<IPiiRecognizer> recognizers, PiiSettings? settings = null)
    {
        _settings = settings ?? new PiiSettings();
        _settings.Validate();
        _recognizers = recognizers;
        _allow = new HashSet<string>(_settings.AllowList ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The recognizers every scanner has unless told otherwise.</summary>
    public static IReadOnlyList<IPiiRecognizer> BuiltIn() =>
    [
        new EmailRecognizer(), new PhoneRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(), new UsSsnRecognizer(),
        new IpAddressRecognizer(), new UrlRecognizer(), new CredentialRecognizer(), new DateOfBirthRecognizer(), new AddressRecognizer(),
        new PersonRecognizer(),
    ];

    /// <summary>The findings in <paramref name="text"/>, in order of position.</summary>
    public IReadOnlyList<PiiFinding> Scan(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        string? lower = null;
        // Most texts have no findings: the list, like the lower-case copy, is made only for the first candidate.
        List<PiiFinding>? candidates = null;
        var profile = TextProfile.Of(text);
        foreach (var recognizer in _recognizers)
        {
            if (!recognizer.MayMatch(profile)) continue;
            foreach (var candidate in recognizer.Recognize(text, profile))
            {
                if (_allow.Count > 0 && _allow.Contains(text[candidate.Start..candidate.End])) continue;
                var finding = candidate;
                if (candidate.Score < 1 && recognizer.ContextWords.Count > 0)
                {
                    lower ??= text.ToLowerInvariant();
                    if (ContextWord(lower, candidate, recognizer.ContextWords) is { } word)
                        finding = candidate with { Score = Math.Min(1, candidate.Score + PiiSettings.ContextBoost), Reason = $"{candidate.Reason}; context word '{word}'" };
                }
                if (finding.Score >= _settings.Threshold) (candidates ??= []).Add(finding);
            }
        }
        if (_settings.DenyList is { Count: > 0 } denyList)
            foreach (var (denied, type) in denyList)
                for (var at = text.IndexOf(denied, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(denied, at + denied.Length, StringComparison.OrdinalIgnoreCase))
                    (candidates ??= []).Add(new PiiFinding(type, at, at + denied.Length, 1, "deny-list", "on the project's deny list"));
        return candidates is null ? [] : Resolve(candidates);
    }

    private static string? ContextWord(string lower, PiiFinding candidate, IReadOnlyList<string> words)
    {
        var from = Math.Max(0, candidate.Start - PiiSettings.ContextWindow);
        var to = Math.Min(lower.Length, candidate.End + PiiSettings.ContextWindow);
        var window = lower.AsSpan(from, to - from);
        foreach (var word in words)
        {
            var at = window.IndexOf(word, StringComparison.Ordinal);
            // Whole words only: "tel" must not count inside "hotel".
            while (at >= 0)
            {
                var before = from + at - 1;
                var after = from + at + word.Length;
                if ((before < 0 || !char.IsLetter(lower[before])) && (after >= lower.Length || !char.IsLetter(lower[after]))) return word;
                var next = window[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
        return null;
    }

    /// <summary>Keeps the best of overlapping findings: higher score, then longer, then earlier.</summary>
    private static List<PiiFinding> Resolve(List<PiiFinding> candidates)
    {
        if (candidates.Count == 1) return candidates;
        var kept = new List<PiiFinding>();
        foreach (var finding in candidates.OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).ThenBy(f => f.Start))
            if (!kept.Any(k => k.Start < finding.End && finding.Start < k.End)) kept.Add(finding);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
