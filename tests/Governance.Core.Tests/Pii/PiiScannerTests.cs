using Governance.Core.Pii;
using Governance.Core.Pii.Recognizers;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Pii;

public sealed class PiiScannerTests
{
    private static readonly PiiScanner Scanner = new();

    /// <summary>The (type, value) pairs found in <paramref name="text"/>.</summary>
    private static List<(string Type, string Value)> Found(string text) =>
        [.. Scanner.Scan(text).Select(f => (f.Type, text[f.Start..f.End]))];

    [Theory]
    [InlineData("Write to jane.doe+billing@example.co.uk today", "jane.doe+billing@example.co.uk")]
    [InlineData("contact: ops@sub.example.org.", "ops@sub.example.org")]
    public void Emails_are_found_with_their_exact_span(string text, string value) =>
        Assert.Equal([(PiiTypes.Email, value)], Found(text));

    [Theory]
    [InlineData("Call me on +44 20 7946 0958 tomorrow", "+44 20 7946 0958")]
    [InlineData("phone: +1 (415) 555-0132", "+1 (415) 555-0132")]
    [InlineData("Tel. (212) 555-0187", "(212) 555-0187")]
    [InlineData("mobile 0049 151 23456789", "0049 151 23456789")]
    [InlineData("Appelez le 01 23 45 67 89", "01 23 45 67 89")]
    [InlineData("Telefon: 030 1234567", "030 1234567")]
    [InlineData("ring 07700 900123 if late, my mobile", "07700 900123")]
    [InlineData("+491512345678", "+491512345678")]
    [InlineData("My phone is (415) 555-0132.", "(415) 555-0132")]
    public void Phone_numbers_in_international_and_national_formats_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.Phone, value)], Found(text));

    [Theory]
    [InlineData("Card 4111 1111 1111 1111 expires 12/29", "4111 1111 1111 1111")]
    [InlineData("amex 3782-822463-10005", "3782-822463-10005")]
    [InlineData("paid with 5555555555554444", "5555555555554444")]
    public void Card_numbers_that_pass_Luhn_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.CreditCard, value)], Found(text));

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00")]
    [InlineData("to GB82WEST12345698765432.", "GB82WEST12345698765432")]
    [InlineData("FR1420041010050500013M02606 is mine", "FR1420041010050500013M02606")]
    public void Ibans_with_valid_length_and_checksum_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.Iban, value)], Found(text));

    [Theory]
    [InlineData("SSN 536-22-1234 on file", "536-22-1234")]
    [InlineData("my social security number is 536221234", "536221234")]
    public void Social_security_numbers_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.UsSsn, value)], Found(text));

    [Theory]
    [InlineData("login from 192.168.10.24 failed", "192.168.10.24")]
    [InlineData("client ip 2001:db8:85a3::8a2e:370:7334 blocked", "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("host fe80::1 answered", "fe80::1")]
    [InlineData("I logged in from 10.1.2.3.", "10.1.2.3")]
    public void Ip_addresses_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.IpAddress, value)], Found(text));

    [Theory]
    [InlineData("key AKIAIOSFODNN7EXAMPLE in the logs", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("token ghp_1234567890abcdefghijklmnopqrstuvwxyz", "ghp_1234567890abcdefghijklmnopqrstuvwxyz")]
    [InlineData("export STRIPE=sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("password: Tr0ub4dor&3x", "Tr0ub4dor&3x")]
    [InlineData("\"api_key\": \"a8f5f167f44f4964e6c998dee827110c\"", "a8f5f167f44f4964e6c998dee827110c")]
    public void Credentials_are_found(string text, string value) =>
        Assert.Equal([(PiiTypes.Credential, value)], Found(text));

    [Fact]
    public void A_private_key_block_is_one_finding()
    {
        const string text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nend";
        var finding = Assert.Single(Scanner.Scan(text));
        Assert.Equal((PiiTypes.Credential, 5), (finding.Type, finding.Start));
        Assert.EndsWith("END RSA PRIVATE KEY-----", text[finding.Start..finding.End]);
    }

    [Theory]
    [InlineData("She was born on 14/03/1987 in Leeds", "14/03/1987")]
    [InlineData("DOB: 1990-07-21", "1990-07-21")]
    [InlineData("geboren am 3. März 1975", "3. März 1975")]
    [InlineData("Date of birth: March 5, 1962", "March 5, 1962")]
    public void Dates_of_birth_are_found_by_their_birth_words(string text, string value) =>
        Assert.Equal([(PiiTypes.DateOfBirth, value)], Found(text));

    [Theory]
    [InlineData("Order 4111 1111 1111 1112 shipped")] // fails Luhn
    [InlineData("ISBN 978-3-16-148410-0")]
    [InlineData("version 1.2.3.4 released, see v10.0.0.1")]
    [InlineData("commit 9fceb02d0ae598e95dc970b74dd53f6ca8d7e0c1")]
    [InlineData("Total: $1,299.99 incl. VAT")]
    [InlineData("The meeting is on 14/03/2025 at 10:30")]
    [InlineData("order number 123-456-7890 ready")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")] // wrong check digits
    [InlineData("SSN 000-12-3456 or 666-12-3456 or 912-12-3456")]
    [InlineData("password: ******** and token=<your-token>")]
    [InlineData("Invoice INV-2024-000123, qty 12, ticket #884213")]
    [InlineData("at 12:30:45 the build 2.14.0 ran")]
    public void Hard_negatives_are_not_reported(string text) => Assert.Empty(Found(text));

    // The pre-checks search non-ASCII markers apart from ASCII ones and ignore case: each of these passes only by one marker.
    [Theory]
    [InlineData("contraseña: Gr4nS3creto!", PiiTypes.Credential, "Gr4nS3creto!")]
    [InlineData("Elle est née le 03/04/1990.", PiiTypes.DateOfBirth, "03/04/1990")]
    [InlineData("DOB 1990-04-03", PiiTypes.DateOfBirth, "1990-04-03")]
    [InlineData("Livrez au 3 allée des Tilleuls, 75011 Paris.", PiiTypes.StreetAddress, "3 allée des Tilleuls, 75011 Paris")]
    [InlineData("token ghs_0123456789abcdefghijABCDEFGHIJ012345 leaked", PiiTypes.Credential, "ghs_0123456789abcdefghijABCDEFGHIJ012345")]
    public void Pre_checks_let_through_texts_with_non_ascii_or_upper_case_markers(string text, string type, string value) =>
        Assert.Contains((type, value), Found(text));

    [Fact]
    public void Context_words_raise_a_score_and_offsets_are_utf16()
    {
        var plain = new PiiScanner(new PiiSettings(Threshold: 0)).Scan("ref 4000056655665556 ok");
        var card = new PiiScanner(new PiiSettings(Threshold: 0)).Scan("🙂 visa card 4000056655665556");

        Assert.True(card.Single().Score > plain.Single().Score);
        Assert.Contains("context word", card.Single().Reason);
        Assert.Equal(13, card.Single().Start); // the emoji is two UTF-16 code units
    }

    [Fact]
    public void Allow_and_deny_lists_and_the_threshold_are_honoured()
    {
        var settings = new PiiSettings(0.5, AllowList: ["support@example.com"], DenyList: new Dictionary<string, string> { ["Project Falcon"] = PiiTypes.Credential });
        var findings = new PiiScanner(settings).Scan("Mail support@example.com or bob@example.com about project falcon");

        Assert.Equal([PiiTypes.Email, PiiTypes.Credential], findings.Select(f => f.Type));
        Assert.Equal("deny-list", findings[1].Recognizer);
        Assert.Throws<ValidationError>(() => new PiiScanner(new PiiSettings(1.5)));
        Assert.Throws<ValidationError>(() => new PiiScanner(new PiiSettings(DenyList: new Dictionary<string, string> { ["x"] = "NAME" })));
    }

    [Fact]
    public void Digits_of_other_scripts_in_number_shapes_are_not_personal_data_and_do_not_stop_the_scan()
    {
        var text = "SSN ١٢٣-٤٥-٦٧٨٩, real one 536-22-1234";

        Assert.Equal([(PiiTypes.UsSsn, "536-22-1234")], Found(text));
    }

    [Fact]
    public void Checksums_match_their_definitions()
    {
        Assert.True(Checksums.Luhn("79927398713"));
        Assert.False(Checksums.Luhn("79927398710"));
        Assert.True(Checksums.IbanMod97("GB82WEST12345698765432"));
        Assert.False(Checksums.IbanMod97("GB82WEST12345698765433"));
    }
}
