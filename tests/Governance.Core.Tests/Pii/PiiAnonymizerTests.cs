using Governance.Core.Pii;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Pii;

public sealed class PiiAnonymizerTests
{
    private const string Text = "Mail jane@example.com or call +44 20 7946 0958, card 4111 1111 1111 1111.";

    private static string Apply(AnonymizationOperator op, byte[]? key = null) =>
        new PiiAnonymizer(op, key).Apply(Text, new PiiScanner().Scan(Text));

    [Fact]
    public void Each_operator_rewrites_every_finding_and_leaves_the_rest()
    {
        Assert.Equal("Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>, card <CREDIT_CARD>.", Apply(AnonymizationOperator.Replace));
        Assert.Equal("Mail  or call , card .", Apply(AnonymizationOperator.Redact));
        Assert.Equal("Mail ****@*******.*** or call +** ** **** 0958, card **** **** **** 1111.", Apply(AnonymizationOperator.Mask));
    }

    [Fact]
    public void Keyed_hashes_are_stable_per_key_and_need_a_key()
    {
        var key = "0123456789abcdef-project-secret"u8.ToArray();
        var once = Apply(AnonymizationOperator.Hash, key);

        Assert.Equal(once, Apply(AnonymizationOperator.Hash, key));
        Assert.NotEqual(once, Apply(AnonymizationOperator.Hash, "another-secret-of-16-bytes"u8.ToArray()));
        Assert.Matches("^Mail <EMAIL_ADDRESS:[0-9a-f]{16}> or call <PHONE_NUMBER:[0-9a-f]{16}>", once);
        Assert.DoesNotContain("jane", once);
        Assert.Equal("key", Assert.Throws<ValidationError>(() => new PiiAnonymizer(AnonymizationOperator.Hash)).Field);
    }

    [Fact]
    public void Json_lines_are_scanned_by_field_path_and_rewritten_in_place()
    {
        var jsonl = new PiiJsonl(new PiiScanner());
        const string line = """{"messages":[{"role":"user","content":"I am jane@example.com"}],"metadata":{"ip":"10.0.0.7"},"n":4}""";

        var found = jsonl.Scan(line, 3, "chats.jsonl").ToList();
        var (rewritten, count) = jsonl.Rewrite(line, 3, "chats.jsonl", new PiiAnonymizer(AnonymizationOperator.Replace));

        Assert.Equal([(3L, "messages[0].content", PiiTypes.Email, 5), (3L, "metadata.ip", PiiTypes.IpAddress, 0)],
            found.Select(f => (f.Line, f.Field, f.Finding.Type, f.Finding.Start)));
        Assert.Equal("""{"messages":[{"role":"user","content":"I am <EMAIL_ADDRESS>"}],"metadata":{"ip":"<IP_ADDRESS>"},"n":4}""", rewritten);
        Assert.Equal(2, count);
        Assert.Single(new PiiJsonl(new PiiScanner(), "metadata").Scan(line, 3, "chats.jsonl"));
        Assert.StartsWith("chats.jsonl:9: not valid JSON (", Assert.Throws<ValidationError>(() => jsonl.Scan("{\"a\": tru", 9, "chats.jsonl").ToList()).Message);
    }

    [Fact]
    public void Json_lines_read_as_utf8_name_nested_arrays_escaped_names_and_the_root_like_the_text_form()
    {
        var jsonl = new PiiJsonl(new PiiScanner());
        const string line = """[{"a\u0062":[["x",{"c":"mail jane@example.com"}],"ip 10.0.0.7",3]},"bob@example.com"]""";

        var found = jsonl.Scan(System.Text.Encoding.UTF8.GetBytes(line), 2, "f.jsonl");

        Assert.Equal(["[0].ab[0][1].c", "[0].ab[1]", "[1]"], found.Select(f => f.Field));
        Assert.Equal(found.Select(f => (f.Field, f.Finding)), jsonl.Scan(line, 2, "f.jsonl").Select(f => (f.Field, f.Finding)));
        Assert.Equal(["[0].ab[0][0]", "[0].ab[0][1].c", "[0].ab[1]", "[1]"], jsonl.Strings(line, 2, "f.jsonl").Select(s => s.Field));
        Assert.Equal([""], new PiiJsonl(new PiiScanner()).Scan("\"bob@example.com\"", 1, "f.jsonl").Select(f => f.Field));
        Assert.Single(new PiiJsonl(new PiiScanner(), "[0].ab[1]").Scan(line, 2, "f.jsonl"));
        // Bytes that are not UTF-8 inside a string are refused like any other broken line.
        Assert.StartsWith("f.jsonl:4: not valid JSON (", Assert.Throws<ValidationError>(() => jsonl.Scan([(byte)'"', 0xff, (byte)'"'], 4, "f.jsonl")).Message);
    }
}

public sealed class PseudonymTests
{
    [Fact]
    public void The_same_value_gets_the_same_realistic_stand_in_and_stand_ins_are_not_found_again()
    {
        var anonymizer = new PiiAnonymizer(AnonymizationOperator.Pseudonym, "seed-key-of-sixteen+"u8.ToArray());
        var scanner = new PiiScanner();
        const string first = "Mail jane@example.com, card 4111 1111 1111 1111, SSN 536-22-1234.";
        const string second = "Again jane@example.com and bob@example.com.";

        var a = anonymizer.Apply(first, scanner.Scan(first));
        var b = anonymizer.Apply(second, scanner.Scan(second));

        var emailA = System.Text.RegularExpressions.Regex.Match(a, @"\S+@example\.com").Value;
        Assert.Contains(emailA, b);
        Assert.DoesNotContain("jane@", a + b);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(b, @"\S+@example\.com").Select(m => m.Value).Distinct().Count());
        // Card stand-ins pass Luhn (realistic); SSN stand-ins sit in the never-issued 9xx area, so a scan does not flag them.
        Assert.Contains(scanner.Scan(a), f => f.Type == PiiTypes.CreditCard);
        Assert.DoesNotContain(scanner.Scan(a), f => f.Type == PiiTypes.UsSsn);
        var again = new PiiAnonymizer(AnonymizationOperator.Pseudonym, "seed-key-of-sixteen+"u8.ToArray());
        Assert.Equal(a, again.Apply(first, scanner.Scan(first)));
    }
}
