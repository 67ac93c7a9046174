using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// Street addresses in English ("221B Baker Street", "1600 Pennsylvania Ave NW, Washington, DC 20500"), German
/// ("Hauptstraße 5, 10115 Berlin") and French ("12 rue de la Paix, 75002 Paris") form: a house number and a street
/// name with its type word, with the postcode and town when they follow.
/// </summary>
public sealed partial class AddressRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "street-address";

    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["address", "live at", "lives at", "ship to", "deliver to", "send it to", "adresse", "anschrift", "wohne", "domicile", "dirección"];

    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 1 && TypeWords.In(profile.Text);

    /// <summary>
    /// The pattern's street type words as it spells them: English and French ones after whitespace, German ones (the end
    /// of the street's name) before it. A word stands for the longer ones it begins ("St" for "Street"); a type word
    /// inside another word ("replacement") does not count, as the pattern cannot match there. The pre-check the scanner
    /// runs before the pattern.
    /// </summary>
    private static readonly SpacedWords TypeWords = new(
        ["St", "Ave", "Road", "Rd", "Lane", "Ln", "Boulevard", "Blvd", "Dr", "Court", "Ct", "Pl", "Way", "Terrace", "Close", "Crescent", "Sq",
         "Highway", "Hwy", "Parkway", "Pkwy", "Row", "Gardens", "Mews",
         "rue", "av", "boulevard", "bd", "place", "chemin", "allée", "impasse", "quai", "route", "cours"],
        ["straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee"]);

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var withTown = match.Groups["town"].Success;
        return Found(PiiTypes.StreetAddress, match.Index, match.Index + match.Length, withTown ? 0.85 : 0.6,
            withTown ? "house number, street type and postcode or town" : "house number and street type");
    }

    [GeneratedRegex("""
        (?:
          \b\d{1,5}[A-Za-z]?,?\s(?:[A-Z][a-z]+\.?\s){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Court|Ct\.?|Place|Pl\.?|Way|Terrace|Close|Crescent|Square|Sq\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Row|Gardens|Mews)\b
            (?:\s(?:N|S|E|W|NE|NW|SE|SW)\b)?
            (?<unit>,?\s(?:Apt\.?|Suite|Unit|Flat)\s?\w+)?
            (?<town>,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s[A-Z]{2})?(?:\s\d{5}(?:-\d{4})?)?(?:,?\s[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})?|,?\s[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})?
        |
          \b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\s\d{1,4}\s?[a-z]?\b
            (?<town>,?\s\d{5}\s[A-ZÄÖÜ][a-zäöüß]+(?:\s(?:am|an\sder)\s[A-ZÄÖÜ][a-zäöüß]+)?)?
        |
          \b\d{1,4}(?:\s?(?:bis|ter))?,?\s(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)\s(?:de\sla\s|du\s|des\s|de\sl'|d'|de\s)?[A-ZÉÈ][\w'-]+(?:\s[A-ZÉÈ][\w'-]+)*
            (?<town>,?\s\d{5}\s[A-ZÉÈ][\w'-]+(?:[\s-][A-ZÉÈ][\w'-]+)*)?
        )
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Candidate();
}
