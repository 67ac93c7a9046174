using System.Text.Json;

namespace Governance.Cli.Tests;

public sealed class PiiCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Scan_prints_one_line_per_finding_with_the_input_line_field_type_and_offsets_but_never_the_value()
    {
        // "mail" before the address is a context word: 0.9 becomes 1.
        var file = _sandbox.Write("records.jsonl", "{\"text\":\"no personal data here\"}\n{\"text\":\"mail jane@example.com\",\"note\":\"card 4111 1111 1111 1111\"}\n");

        var all = await CliSandbox.RunAsync("pii", "scan", "--input", file);
        var textOnly = await CliSandbox.RunAsync("pii", "scan", "--input", file, "--field", "text");

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
        var good = _sandbox.Write("good.jsonl", "{\"text\":\"mail jane@example.com\"}\n{\"text\":\"nothing\"}\n");
        var bad = _sandbox.Write("bad.jsonl", "{\"text\":\"mail jane@example.com\"}\n{\"text\":\n");
        var output = _sandbox.PathOf("out.jsonl");

        var done = await CliSandbox.RunAsync("pii", "redact", "--input", good, "--output", output, "--operator", "replace");
        Assert.Equal(0, done.Exit);
        Assert.Equal("{\"text\":\"mail <EMAIL_ADDRESS>\"}\n{\"text\":\"nothing\"}\n", File.ReadAllText(output));

        var failed = await CliSandbox.RunAsync("pii", "redact", "--input", bad, "--output", _sandbox.PathOf("never.jsonl"), "--operator", "mask");
        Assert.Equal(1, failed.Exit);
        Assert.Contains("bad.jsonl:2: not valid JSON", failed.Error);
        Assert.False(File.Exists(_sandbox.PathOf("never.jsonl")));
        Assert.Empty(Directory.GetFiles(_sandbox.Folder, "*.partial"));

        var noKey = await CliSandbox.RunAsync("pii", "redact", "--input", good, "--output", output, "--operator", "hash");
        Assert.Equal((2, "--operator hash needs --key-env VAR, the environment variable holding the project's secret key."), (noKey.Exit, noKey.Error.Trim()));
    }

    public void Dispose() => _sandbox.Dispose();
}
