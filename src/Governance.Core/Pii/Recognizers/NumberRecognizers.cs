using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>Payment card numbers: 13 to 19 digits in groups, passing the Luhn check, scored higher with a known issuer prefix.</summary>
public sealed partial class CreditCardRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "credit-card";
    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["card", "credit", "visa", "mastercard", "amex", "cc", "payment", "karte", "carte", "tarjeta"];
    /// <inheritdoc />
    protected override IReadOnlyList<string> NegativeWords => ["order", "invoice", "tracking", "isbn", "ref", "account no"];
    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 13;

    /// <inheritdoc />
    protected override int? FewestDigits => 13;

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var digits = Digits(match.ValueSpan);
        if (digits.Length is < 13 or > 19 || !Checksums.Luhn(digits) || digits.Distinct().Count() == 1) return null;
        var brand = Brand(digits);
        return brand is null
            ? Found(PiiTypes.CreditCard, match.Index, match.Index + match.Length, 0.4, "Luhn checksum passed; no known issuer prefix")
            : Found(PiiTypes.CreditCard, match.Index, match.Index + match.Length, 0.9, $"Luhn checksum passed; {brand} prefix and length");
    }

    private static string? Brand(string d)
    {
        int Prefix(int n) => int.Parse(d.AsSpan(0, n));
        return d.Length switch
        {
            13 or 16 or 19 when d[0] == '4' => "Visa",
            16 when Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720 => "Mastercard",
            15 when Prefix(2) is 34 or 37 => "American Express",
            >= 16 and <= 19 when d.StartsWith("6011", StringComparison.Ordinal) || d.StartsWith("65", StringComparison.Ordinal) || Prefix(3) is >= 644 and <= 649 => "Discover",
            >= 16 and <= 19 when Prefix(4) is >= 3528 and <= 3589 => "JCB",
            14 when Prefix(2) is 36 or 38 || Prefix(3) is >= 300 and <= 305 => "Diners Club",
            >= 12 and <= 19 when Prefix(4) is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763 => "Maestro",
            16 when d.StartsWith("62", StringComparison.Ordinal) => "UnionPay",
            _ => null,
        };
    }

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}

/// <summary>IBANs: country, check digits and BBAN, printed or grouped by four, with the country's length and a valid mod-97.</summary>
public sealed partial class IbanRecognizer : RegexRecognizer
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22, ["BR"] = 29,
        ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29,
        ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20,
        ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29,
        ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };

    /// <inheritdoc />
    public override string Name => "iban";
    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 4 && CountryAndCheckDigits(profile.Text);

    /// <summary>Whether two ASCII letters are followed by two digits somewhere (every IBAN starts so).</summary>
    private static bool CountryAndCheckDigits(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOfAnyInRange('0', '9'); at >= 0; at = span.IndexOfAnyInRange('0', '9'))
        {
            if (at >= 2 && at + 1 < span.Length && char.IsAsciiDigit(span[at + 1]) && char.IsAsciiLetter(span[at - 1]) && char.IsAsciiLetter(span[at - 2])) return true;
            span = span[(at + 1)..];
        }
        return false;
    }

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var compact = match.Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Lengths.TryGetValue(compact[..2], out var length)) return null;
        // A grouped IBAN may run into the next word: take exactly the country's length.
        if (compact.Length < length) return null;
        var end = match.Index;
        for (var taken = 0; taken < length; end++) if (text[end] != ' ') taken++;
        if (compact.Length > length && !match.Value.Contains(' ', StringComparison.Ordinal)) return null;
        compact = compact[..length];
        return Checksums.IbanMod97(compact)
            ? Found(PiiTypes.Iban, match.Index, end, 1.0, $"ISO 13616 mod-97 passed; length {length} for {compact[..2]}")
            : null;
    }

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}

/// <summary>US social security numbers: AAA-GG-SSSS (or spaced), outside the ranges never issued; nine bare digits only with context.</summary>
public sealed partial class UsSsnRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "us-ssn";
    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["ssn", "social security", "soc sec", "ss#", "taxpayer"];
    /// <inheritdoc />
    protected override IReadOnlyList<string> NegativeWords => ["order", "invoice", "phone", "tel", "isbn", "ref", "zip"];
    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 9;

    /// <inheritdoc />
    protected override int? FewestDigits => 9;

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var digits = Digits(match.ValueSpan);
        // The pattern's \d also reads digits of other scripts, which no SSN is written in.
        if (digits.Length != 9) return null;
        int area = int.Parse(digits.AsSpan(0, 3)), group = int.Parse(digits.AsSpan(3, 2)), serial = int.Parse(digits.AsSpan(5, 4));
        if (area is 0 or 666 or >= 900 || group == 0 || serial == 0) return null;
        if (digits is "078051120" or "219099999" or "123456789") return null; // published samples, never a person's
        var grouped = match.Length == 11;
        return Found(PiiTypes.UsSsn, match.Index, match.Index + match.Length, grouped ? 0.6 : 0.3,
            grouped ? "AAA-GG-SSSS outside the never-issued ranges" : "nine digits outside the never-issued ranges");
    }

    [GeneratedRegex(@"(?<![\d-])(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9})(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}

/// <summary>
/// Telephone numbers: international (+country code, 8 to 15 digits) and the national formats of North America, the
/// UK, Germany and France, with separators where those formats have them. Dates, versions and numbers with order-like
/// words before them are left alone.
/// </summary>
public sealed partial class PhoneRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "phone";
    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["phone", "tel", "telephone", "mobile", "cell", "call", "ring", "text me", "fax", "whatsapp", "contact", "telefon", "handy", "ruf", "anrufen", "erreichbar", "téléphone", "portable", "appelez", "appeler", "teléfono", "llámame", "number"];
    /// <inheritdoc />
    protected override IReadOnlyList<string> NegativeWords => ["order", "invoice", "isbn", "ticket", "ref", "version", "serial", "tracking", "account", "sku", "id ", "iban", "bic"];
    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 8;

    /// <inheritdoc />
    protected override int? FewestDigits => 8;

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var value = match.Value;
        var digits = Digits(value);
        var (start, end) = (match.Index, match.Index + match.Length);
        if (value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal))
        {
            var national = value.StartsWith('+') ? digits : digits[2..];
            return national.Length is >= 8 and <= 15 ? Found(PiiTypes.Phone, start, end, 0.7, "international format with a country code") : null;
        }
        if (Nanp().IsMatch(value)) return Found(PiiTypes.Phone, start, end, value.Contains('(') ? 0.6 : 0.45, "North American format");
        if (French().IsMatch(value)) return Found(PiiTypes.Phone, start, end, 0.6, "French format");
        if (digits.Length is >= 10 and <= 12 && value[0] == '0' && value.Any(c => c is ' ' or '/' or '-'))
            return Found(PiiTypes.Phone, start, end, 0.4, "national format with a trunk prefix 0 (UK, German and others)");
        return null;
    }

    [GeneratedRegex(@"(?<![\w+/.-])(?<!\d )(?:(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ .-]?)?(?:\(?\d{1,5}\)?[ .-]?){1,5}\d{2,5}|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|0\d(?:[ .]\d{2}){4}|0\d{2,5}[ /-]?\d{3,4}[ -]?\d{2,5})(?![\w/-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Nanp();

    [GeneratedRegex(@"^0[1-9](?:[ .]\d{2}){4}$", RegexOptions.CultureInvariant)]
    private static partial Regex French();
}
