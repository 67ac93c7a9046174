using System.Text;
using Governance.Core.Pii;
using Governance.Core.Pii.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// Generates the labelled PII evaluation set (seeded, so the committed file can be made again): support-style messages
/// in English, German and French with personal data in many formats per type, and hard negatives that look like it
/// (numbers failing their checksum, order and tracking numbers, versions, ISBNs, commit hashes, prices, dates that are
/// not birth dates, capitalised phrases that are not names). Names and streets come from lists written here, not from
/// the recognizers' own lists.
/// </summary>
internal sealed class PiiEvaluationSet(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Given = ["Sarah", "James", "Aisha", "Mateo", "Chloé", "Lukas", "Priya", "Oliver", "Fatima", "Hiroshi", "Elena", "Kwame",
        "Ingrid", "Tomasz", "Lucía", "Noah", "Amara", "Wei", "Sofia", "Dmitri", "Grace", "Youssef", "Hannah", "Pierre", "Leila", "Marcus", "Anika", "Diego"];
    private static readonly string[] Family = ["Johnson", "Okafor", "Müller", "Dubois", "Nakamura", "García", "Kowalski", "Patel", "O'Brien", "Rossi", "Schmidt",
        "Nguyen", "Andersson", "Haddad", "Fischer", "Moreau", "Kim", "Novak", "Silva", "Thompson", "Weber", "Bianchi", "Larsen", "Mensah"];
    private static readonly string[] Titles = ["Mr.", "Mrs.", "Ms.", "Dr.", "Herr", "Frau", "Mme"];
    private static readonly string[] Domains = ["example.com", "mail.example.org", "example.co.uk", "firma-beispiel.de", "exemple.fr", "uni.example.edu"];
    private static readonly string[] Streets = ["Baker", "Maple", "Pennsylvania", "Station", "Church", "Oak", "Victoria", "Elm", "Highland", "Mill"];
    private static readonly string[] StreetTypes = ["Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Lane", "Drive", "Boulevard", "Way"];
    private static readonly string[] Towns = ["London", "Springfield", "Boston", "Leeds", "Denver", "Bristol"];
    private static readonly string[] GermanStreets = ["Haupt", "Bahnhof", "Schiller", "Garten", "Linden", "Berg"];
    private static readonly string[] GermanTypes = ["straße", "str.", "weg", "platz", "allee"];
    private static readonly string[] GermanTowns = ["Berlin", "München", "Hamburg", "Köln", "Leipzig"];
    private static readonly string[] FrenchStreets = ["rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "place du Marché", "rue des Lilas"];
    private static readonly string[] FrenchTowns = ["Paris", "Lyon", "Marseille", "Bordeaux", "Nantes"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Openers = ["Hello,", "Hi team,", "Good morning,", "Dear support,", "Hey,", "Bonjour,", "Hallo zusammen,", "Quick question:"];
    private static readonly string[] Fillers = ["the parcel still has not arrived.", "I would like a refund for the broken kettle.", "the app crashes when I open settings.",
        "nobody answered my last two messages.", "please update my account details.", "the invoice shows the wrong amount.", "I cannot sign in since Tuesday."];

    /// <summary><paramref name="count"/> records.</summary>
    public IEnumerable<LabelledText> Generate(int count)
    {
        var makers = new Func<Builder, bool>[]
        {
            Email, Phone, Card, Iban, Ssn, Ip, Url, Credential, BirthDate, Person, Address,
        };
        var negatives = new Action<Builder>[] { BadCard, OrderNumber, Version, Isbn, Commit, Price, OtherDate, BadIban, BadSsn, NotAName, Tracking, IpLikeVersion };
        for (var i = 0; i < count; i++)
        {
            var b = new Builder();
            b.Text(Pick(Openers) + " " + Pick(Fillers) + " ");
            var entities = _random.Next(4); // 0 to 3 pieces of personal data
            for (var e = 0; e < entities; e++) makers[_random.Next(makers.Length)](b);
            if (_random.Next(2) == 0) negatives[_random.Next(negatives.Length)](b);
            if (entities == 0 && _random.Next(2) == 0) negatives[_random.Next(negatives.Length)](b);
            b.Text(Pick(["Thanks!", "Regards.", "Cheers.", "Merci.", "Danke."]));
            yield return b.Build();
        }
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
    private string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + _random.Next(10))));

    private bool Email(Builder b)
    {
        var (g, f) = (Pick(Given).ToLowerInvariant().Replace("é", "e"), Pick(Family).ToLowerInvariant().Replace("'", "").Replace("ü", "ue").Replace("í", "i"));
        var local = _random.Next(4) switch { 0 => $"{g}.{f}", 1 => $"{g[0]}{f}", 2 => $"{g}+orders", _ => $"{f}{_random.Next(10, 99)}" };
        var address = $"{local}@{Pick(Domains)}";
        if (_random.Next(5) == 0) address = address.ToUpperInvariant();
        b.Text(Pick(["You can reach me at ", "My e-mail is ", "Send it to ", "Contact: ", "Reply to "])).Entity(PiiTypes.Email, address).Text(". ");
        return true;
    }

    private bool Phone(Builder b)
    {
        var number = _random.Next(12) switch
        {
            0 => $"+1 {_random.Next(201, 989)}-555-{Digits(4)}",
            1 => $"({_random.Next(201, 989)}) 555-{Digits(4)}",
            2 => $"{_random.Next(201, 989)}.555.{Digits(4)}",
            3 => $"+44 20 {Digits(4)} {Digits(4)}",
            4 => $"07700 {Digits(6)}",
            5 => $"+49 30 {Digits(7)}",
            6 => $"030 {Digits(8)}",
            7 => $"+33 1 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
            8 => $"0{_random.Next(1, 7)} {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
            9 => $"0049 151 {Digits(8)}",
            10 => $"+61 2 {Digits(4)} {Digits(4)}",
            _ => $"+34 6{Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
        };
        b.Text(Pick(["Call me on ", "My phone number is ", "Tel. ", "Mobile: ", "Ruf mich an unter ", "Mon portable : ", "You can ring "])).Entity(PiiTypes.Phone, number).Text(". ");
        return true;
    }

    private string LuhnNumber(string prefix, int length) => Core.Pii.Recognizers.Checksums.WithLuhnDigit(prefix + Digits(length - prefix.Length - 1));

    private static string Group(string digits, params int[] sizes)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var size in sizes) { parts.Add(digits.Substring(at, size)); at += size; }
        return string.Join(" ", parts);
    }

    private bool Card(Builder b)
    {
        var (number, shown) = _random.Next(5) switch
        {
            0 => (LuhnNumber("4", 16), 0),
            1 => (LuhnNumber("5" + _random.Next(1, 6), 16), 1),
            2 => (LuhnNumber("3" + Pick(["4", "7"]), 15), 2),
            3 => (LuhnNumber("6011", 16), 0),
            _ => (LuhnNumber("2" + _random.Next(221, 721), 16), 1),
        };
        var text = shown switch
        {
            0 => Group(number, 4, 4, 4, 4),
            1 => number,
            _ => number[..4] + "-" + number[4..10] + "-" + number[10..],
        };
        if (shown == 0 && _random.Next(3) == 0) text = text.Replace(' ', '-');
        b.Text(Pick(["My card ", "I paid with card number ", "Charge it to ", "Kreditkarte ", "The visa ending badly: "])).Entity(PiiTypes.CreditCard, text).Text(" was charged twice. ");
        return true;
    }

    private static string IbanFor(string country, string bban) => Core.Pii.Recognizers.Checksums.Iban(country, bban);

    private bool Iban(Builder b)
    {
        var iban = _random.Next(6) switch
        {
            0 => IbanFor("DE", Digits(18)),
            1 => IbanFor("GB", "WEST" + Digits(14)),
            2 => IbanFor("FR", Digits(10) + "A" + Digits(12)),
            3 => IbanFor("NL", "ABNA" + Digits(10)),
            4 => IbanFor("ES", Digits(20)),
            _ => IbanFor("CH", Digits(17)),
        };
        var shown = _random.Next(2) == 0 ? iban : string.Join(" ", iban.Chunk(4).Select(c => new string(c)));
        b.Text(Pick(["Please refund to ", "IBAN: ", "My account is ", "Überweisung an ", "Virement sur "])).Entity(PiiTypes.Iban, shown).Text(". ");
        return true;
    }

    private bool Ssn(Builder b)
    {
        var (area, group, serial) = (_random.Next(1, 665), _random.Next(1, 100), _random.Next(1, 10000));
        var text = _random.Next(3) switch { 0 => $"{area:000}-{group:00}-{serial:0000}", 1 => $"{area:000} {group:00} {serial:0000}", _ => $"{area:000}{group:00}{serial:0000}" };
        b.Text(Pick(["My SSN is ", "social security number ", "SSN: "])).Entity(PiiTypes.UsSsn, text).Text(" for the tax form. ");
        return true;
    }

    private bool Ip(Builder b)
    {
        var ip = _random.Next(3) switch
        {
            0 => $"{_random.Next(1, 224)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}",
            1 => $"2001:db8:{_random.Next(0x10000):x}::{_random.Next(0x10000):x}",
            _ => $"fe80::{_random.Next(0x10000):x}:{_random.Next(0x10000):x}:{_random.Next(0x10000):x}:{_random.Next(0x10000):x}",
        };
        b.Text(Pick(["I logged in from ", "The request came from IP ", "My home server is ", "Client address "])).Entity(PiiTypes.IpAddress, ip).Text(" yesterday. ");
        return true;
    }

    private bool Url(Builder b)
    {
        var url = _random.Next(3) switch
        {
            0 => $"https://www.{Pick(Domains)}/profile/{Pick(Given).ToLowerInvariant()}",
            1 => $"http://{Pick(Domains)}/orders?id={Digits(6)}",
            _ => $"www.{Pick(Domains)}/u/{Digits(5)}",
        };
        b.Text(Pick(["My profile: ", "See ", "The link was "])).Entity(PiiTypes.Url, url).Text(" for details. ");
        return true;
    }

    private string Alphanumeric(int n, string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") =>
        string.Concat(Enumerable.Range(0, n).Select(_ => alphabet[_random.Next(alphabet.Length)]));

    private bool Credential(Builder b)
    {
        var (lead, secret) = _random.Next(7) switch
        {
            0 => ("The key ", "AKIA" + Alphanumeric(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
            1 => ("my token ", "ghp_" + Alphanumeric(36)),
            2 => ("export STRIPE_KEY=", "sk_live_" + Alphanumeric(24)),
            3 => ("GOOGLE_API_KEY: ", "AIza" + Alphanumeric(35)),
            4 => ("password: ", Alphanumeric(6) + "!" + Digits(2)),
            5 => ("Passwort = ", Alphanumeric(8) + "#"),
            _ => ("Authorization: Bearer ", "eyJ" + Alphanumeric(20) + ".eyJ" + Alphanumeric(30) + "." + Alphanumeric(25)),
        };
        b.Text(lead).Entity(PiiTypes.Credential, secret).Text(" leaked in the logs. ");
        return true;
    }

    private bool BirthDate(Builder b)
    {
        var (year, month, day) = (_random.Next(1940, 2005), _random.Next(1, 13), _random.Next(1, 29));
        var date = _random.Next(5) switch
        {
            0 => $"{day:00}/{month:00}/{year}",
            1 => $"{year}-{month:00}-{day:00}",
            2 => $"{Months[month - 1]} {day}, {year}",
            3 => $"{day} {Months[month - 1]} {year}",
            _ => $"{day}.{month}.{year}",
        };
        b.Text(Pick(["I was born on ", "Date of birth: ", "DOB ", "geboren am ", "born "])).Entity(PiiTypes.DateOfBirth, date).Text(", as the form asks. ");
        return true;
    }

    private bool Person(Builder b)
    {
        var (g, f) = (Pick(Given), Pick(Family));
        switch (_random.Next(6))
        {
            case 0: b.Text("My name is ").Entity(PiiTypes.Person, $"{g} {f}").Text(". "); break;
            case 1: b.Text("Yesterday ").Entity(PiiTypes.Person, $"{g} {f}").Text(" called about it. "); break;
            case 2: b.Text($"Please forward this to {Pick(Titles)} ").Entity(PiiTypes.Person, f).Text(". "); break;
            case 3: b.Text("Regards, ").Entity(PiiTypes.Person, $"{g} {f}").Text(" "); break;
            case 4: b.Text("The customer ").Entity(PiiTypes.Person, $"{g} {f}").Text(" asked twice. "); break;
            default: b.Text("Hi, I'm ").Entity(PiiTypes.Person, g).Text(" and I need help. "); break;
        }
        return true;
    }

    private bool Address(Builder b)
    {
        var address = _random.Next(3) switch
        {
            0 => $"{_random.Next(1, 9999)} {Pick(Streets)} {Pick(StreetTypes)}, {Pick(Towns)}",
            1 => $"{Pick(GermanStreets)}{Pick(GermanTypes)} {_random.Next(1, 200)}, {_random.Next(10000, 99999)} {Pick(GermanTowns)}",
            _ => $"{_random.Next(1, 200)} {Pick(FrenchStreets)}, {_random.Next(10000, 95999)} {Pick(FrenchTowns)}",
        };
        b.Text(Pick(["Ship it to ", "My address is ", "I live at ", "Lieferadresse: ", "Adresse : "])).Entity(PiiTypes.StreetAddress, address).Text(". ");
        return true;
    }

    private void BadCard(Builder b)
    {
        var number = LuhnNumber("4", 16);
        var wrong = number[..15] + (char)('0' + (number[15] - '0' + 1) % 10);
        b.Text($"Order {Group(wrong, 4, 4, 4, 4)} shipped. ");
    }

    private void OrderNumber(Builder b) => b.Text(Pick([$"Order number {Digits(3)}-{Digits(3)}-{Digits(4)} is ready. ", $"Invoice INV-{_random.Next(2019, 2026)}-{Digits(6)} attached. ", $"Ticket #{Digits(6)}, qty {_random.Next(1, 20)}. "]));
    private void Version(Builder b) => b.Text($"Since version {_random.Next(1, 12)}.{_random.Next(20)}.{_random.Next(20)} it fails. ");
    private void Isbn(Builder b) => b.Text($"The manual is ISBN 978-{_random.Next(0, 10)}-{Digits(3)}-{Digits(5)}-{_random.Next(10)}. ");
    private void Commit(Builder b) => b.Text($"Commit {Alphanumeric(40, "0123456789abcdef")} broke it. ");
    private void Price(Builder b) => b.Text(Pick([$"It cost ${_random.Next(10, 2000)}.{Digits(2)} incl. VAT. ", $"Total: {_random.Next(10, 999)},{Digits(2)} EUR. "]));
    private void OtherDate(Builder b) => b.Text(Pick([$"The meeting is on {_random.Next(1, 29):00}/{_random.Next(1, 13):00}/2025 at 10:30. ", $"Delivered {Months[_random.Next(12)]} {_random.Next(1, 29)}, 2024. ", $"Deadline 2025-{_random.Next(1, 13):00}-{_random.Next(1, 29):00}. "]));
    private void BadIban(Builder b) => b.Text($"Reference DE00 {Digits(4)} {Digits(4)} {Digits(4)} {Digits(4)} {Digits(2)} is wrong. ");
    private void BadSsn(Builder b) => b.Text(Pick([$"Case 000-{Digits(2)}-{Digits(4)} closed. ", $"File 666-{Digits(2)}-{Digits(4)} archived. ", $"Item 9{Digits(2)}-{Digits(2)}-{Digits(4)} returned. "]));
    private void NotAName(Builder b) => b.Text(Pick(["The Customer Service Team will reply. ", "Thank You For Your Patience. ", "We ship from Berlin and Paris. ", "The Golden Gate Bridge photo is nice. "]));
    private void Tracking(Builder b) => b.Text($"Tracking 1Z{Alphanumeric(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")} shows nothing. ");
    private void IpLikeVersion(Builder b) => b.Text($"Firmware v{_random.Next(1, 10)}.{_random.Next(10)}.{_random.Next(10)}.{_random.Next(100)} installed. ");

    /// <summary>Appends text and labelled entities, keeping their offsets.</summary>
    private sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<LabelledSpan> _entities = [];

        public Builder Text(string text)
        {
            _text.Append(text);
            return this;
        }

        public Builder Entity(string type, string value)
        {
            _entities.Add(new LabelledSpan(type, _text.Length, _text.Length + value.Length));
            _text.Append(value);
            return this;
        }

        public LabelledText Build() => new(_text.ToString().TrimEnd(), _entities);
    }
}
