using System.Globalization;
using Governance.Core.Pii.Recognizers;

namespace Governance.Core.Pii;

/// <summary>
/// Realistic stand-ins for personal data, the same stand-in for the same value within one instance (one new version):
/// names and streets from Bogus, e-mail addresses at example.com, phone numbers in the fictional 555-01xx range, card
/// numbers and IBANs with valid check digits, social security numbers in the never-issued 9xx area, documentation IP
/// ranges. Secrets are never given a stand-in: they become &lt;CREDENTIAL&gt;. Stand-ins are drawn from a seeded
/// generator, so the same seed and input give the same output.
/// </summary>
public sealed class Pseudonyms(int seed)
{
    private readonly Dictionary<(string Type, string Value), string> _given = [];
    private readonly Random _random = new(seed);
    private readonly Bogus.Faker _faker = new("en") { Random = new Bogus.Randomizer(seed) };

    /// <summary>The stand-in for <paramref name="value"/> of <paramref name="type"/>.</summary>
    public string For(string type, string value)
    {
        if (_given.TryGetValue((type, value), out var known)) return known;
        var made = Make(type);
        _given[(type, value)] = made;
        return made;
    }

    private string Make(string type) => type switch
    {
        PiiTypes.Person => _faker.Name.FullName(),
        PiiTypes.Email => $"{_faker.Name.FirstName().ToLowerInvariant()}.{_faker.Name.LastName().ToLowerInvariant()}{_random.Next(10, 99)}@example.com".Replace("'", ""),
        PiiTypes.Phone => $"+1 555-01{_random.Next(100):00}",
        PiiTypes.CreditCard => string.Join(" ", Checksums.WithLuhnDigit("4000" + Digits(11)).Chunk(4).Select(c => new string(c))),
        PiiTypes.Iban => Checksums.Iban("DE", Digits(18)),
        PiiTypes.UsSsn => $"9{_random.Next(100):00}-{_random.Next(1, 100):00}-{_random.Next(1, 10000):0000}",
        PiiTypes.IpAddress => $"192.0.2.{_random.Next(1, 255)}",
        PiiTypes.StreetAddress => _faker.Address.StreetAddress(),
        PiiTypes.DateOfBirth => new DateTime(1950, 1, 1).AddDays(_random.Next(365 * 55)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PiiTypes.Url => $"https://example.com/r/{_random.Next(100000)}",
        _ => $"<{type}>",
    };

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + _random.Next(10))));
}
