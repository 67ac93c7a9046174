using System.Text.Json;

namespace Governance.Cli.Tests;

public sealed class PiiCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "governance-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Scan_prints_one_line_per_finding_with_the_input_line_field_type_and_offsets_but_never_the_value()
    {
        // "mail" before the address is a context word: 0.9 becomes 1.
        var file = Write("records.jsonl", "{\"text\":\"no personal data here\"}\n{\"text\":\"mail jane@example.com\",\"note\":\"card 4111 1111 1111 1111\"}\n");

        var all = await RunAsync("pii", "scan", "--input", file);
        var textOnly = await RunAsync("pii", "scan", "--input", file, "--field", "text");

        Assert.Equal(0, all.Exit);
        var lines = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"line\":2,\"field\":\"text\",\"type\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":21,\"score\":1}", lines[0]);
        using var card = JsonDocument.Parse(lines[1]);
        Assert.Equal(("note", "CREDIT_CARD", 5, 24), (card.RootElement.GetProperty("field").GetString(), card.RootElement.GetProperty("type").GetString(),
            card.RootElement.GetProperty("start").GetInt32(), card.RootElement.GetProperty("end").GetInt32()));
        Assert.DoesNotContain("jane", all.Output);
        Assert.Single(textOnly.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Redact_writes_every_line_rewritten_or_nothing_at_all()
    {
        var good = Write("good.jsonl", "{\"text\":\"mail jane@example.com\"}\n{\"text\":\"nothing\"}\n");
        var bad = Write("bad.jsonl", "{\"text\":\"mail jane@example.com\"}\n{\"text\":\n");
        var output = Path.Combine(_folder, "out.jsonl");

        var done = await RunAsync("pii", "redact", "--input", good, "--output", output, "--operator", "replace");
        Assert.Equal(0, done.Exit);
        Assert.Equal("{\"text\":\"mail <EMAIL_ADDRESS>\"}\n{\"text\":\"nothing\"}\n", File.ReadAllText(output));

        var failed = await RunAsync("pii", "redact", "--input", bad, "--output", Path.Combine(_folder, "never.jsonl"), "--operator", "mask");
        Assert.Equal(1, failed.Exit);
        Assert.Contains("bad.jsonl:2: not valid JSON", failed.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "never.jsonl")));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));

        var noKey = await RunAsync("pii", "redact", "--input", good, "--output", output, "--operator", "hash");
        Assert.Equal((2, "--operator hash needs --key-env VAR, the environment variable holding the project's secret key."), (noKey.Exit, noKey.Error.Trim()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
