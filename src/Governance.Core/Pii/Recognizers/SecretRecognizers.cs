using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// Secrets: cloud access keys, API tokens with a provider's published prefix, private key blocks, JSON web tokens and
/// values assigned to password-like names. (Presidio has no such detector.)
/// </summary>
public sealed partial class CredentialRecognizer : IPiiRecognizer
{
    /// <summary>Each token format, with strings one of which any match contains (the pattern runs only when one is in the text).</summary>
    private static readonly (string Kind, double Score, string[] Markers, Func<Regex> Pattern)[] Tokens =
    [
        ("AWS access key id", 1.0, ["AKIA", "ASIA", "AIDA", "AROA"], AwsKeyId),
        ("GitHub token", 1.0, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], GitHub),
        ("Slack token", 1.0, ["xox"], Slack),
        ("Stripe key", 1.0, ["_live_", "_test_"], Stripe),
        ("Google API key", 1.0, ["AIza"], Google),
        ("OpenAI-style secret key", 0.95, ["sk-"], OpenAi),
        ("private key block", 1.0, ["PRIVATE KEY-----"], PrivateKey),
        ("JSON web token", 0.9, ["eyJ"], Jwt),
    ];

    private static readonly string[] AssignmentMarkers = ["pass", "pwd", "secret", "key", "token", "mot de passe", "contraseña"];

    /// <inheritdoc />
    public string Name => "credential";

    /// <inheritdoc />
    public IReadOnlyList<string> ContextWords => [];

    /// <summary>Every marker of every format, for one vectorised pre-check (case-insensitive, so a superset).</summary>
    private static readonly Markers AnyMarker = new([.. Tokens.SelectMany(t => t.Markers), .. AssignmentMarkers]);

    /// <inheritdoc />
    public bool MayMatch(TextProfile profile) => AnyMarker.In(profile.Text);

    /// <inheritdoc />
    public IEnumerable<PiiFinding> Recognize(string text)
    {
        foreach (var (kind, score, markers, pattern) in Tokens)
        {
            if (!markers.Any(m => text.Contains(m, StringComparison.Ordinal))) continue;
            foreach (Match match in pattern().Matches(text))
                yield return new PiiFinding(PiiTypes.Credential, match.Index, match.Index + match.Length, score, Name, $"{kind} format");
        }
        if (!AssignmentMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))) yield break;
        foreach (Match match in Assignment().Matches(text))
        {
            var value = match.Groups["value"];
            // "password: ********" or a placeholder is not a secret.
            if (value.Value.Distinct().Count() <= 2 || Placeholder().IsMatch(value.Value)) continue;
            yield return new PiiFinding(PiiTypes.Credential, value.Index, value.Index + value.Length, 0.8, Name,
                $"value assigned to '{match.Groups["name"].Value.ToLowerInvariant()}'");
        }
    }

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AwsKeyId();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,90})\b", RegexOptions.CultureInvariant)]
    private static partial Regex GitHub();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9-]{10,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Slack();

    [GeneratedRegex(@"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Stripe();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_-]{35}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Google();

    [GeneratedRegex(@"(?<![\w-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<name>\b(?:password|passwd|passwort|mot de passe|contraseña|pwd|pass|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token)\b)[""']?\s*(?:[:=]|=>|\bis\b)\s*[""']?(?<value>[^\s""',;]{6,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^(?:<[^>]*>|\$\{?\w+\}?|%\w+%|\{\{.*\}\}|x{3,}|\*+|(?:your|my|the)[_-]?\w*|changeme|placeholder|redacted|null|none|undefined)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}

/// <summary>Dates given as a date of birth: a date with a birth word (born, DOB, date of birth, geboren, né, nacido...) near it.</summary>
public sealed partial class DateOfBirthRecognizer : RegexRecognizer
{
    private static readonly string[] BirthWords =
        ["born", "birth", "dob", "d.o.b", "birthday", "geboren", "geburtsdatum", "geb.", "né le", "née le", "naissance", "nacido", "nacida", "nacimiento", "nato il", "nata il"];

    /// <inheritdoc />
    public override string Name => "date-of-birth";
    /// <inheritdoc />
    protected override Regex Pattern => Date();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 2 && AnyBirthWord.In(profile.Text);

    private static readonly Markers AnyBirthWord = new(BirthWords);

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var from = Math.Max(0, match.Index - PiiSettings.ContextWindow);
        var window = text.AsSpan(from, Math.Min(text.Length, match.Index + match.Length + 12) - from);
        foreach (var word in BirthWords)
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase))
                return Found(PiiTypes.DateOfBirth, match.Index, match.Index + match.Length, 0.85, $"a date with '{word}' near it");
        return null;
    }

    [GeneratedRegex(@"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\.? (?:of )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember)[a-zé]*\.? (?:19|20)\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Date();
}
