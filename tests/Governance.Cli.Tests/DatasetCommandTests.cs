using System.Security.Cryptography;
using System.Text.Json;

namespace Governance.Cli.Tests;

public sealed class DatasetCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "governance-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync([.. args, "--data", _data], new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int Exit, string Output, string Error)> ImportAsync(string file, string name) =>
        RunAsync("datasets", "import", "--file", file, "--name", name, "--source", "tickets", "--licence", "internal", "--purpose", "support SFT");

    [Fact]
    public async Task Import_list_and_export_work_end_to_end_and_the_export_hashes_to_the_content_hash()
    {
        await RunAsync("migrate");
        var file = WriteFile("chats.csv", "prompt,completion,team\nHow do I reset?,Use the link.,web\nRefund?,Within 30 days.,billing\n");

        var imported = await ImportAsync(file, "support");
        Assert.Equal(0, imported.Exit);
        using var summary = JsonDocument.Parse(imported.Output);
        Assert.Equal(2, summary.RootElement.GetProperty("records").GetInt64());
        Assert.Equal("PromptCompletion", summary.RootElement.GetProperty("shape").GetString());

        var listed = await RunAsync("datasets", "list");
        Assert.Contains("\"dataset\":\"support\"", listed.Output);

        var target = Path.Combine(_data, "support.jsonl");
        Assert.Equal(0, (await RunAsync("datasets", "export", "--name", "support", "--output", target)).Exit);
        Assert.Equal(summary.RootElement.GetProperty("contentHash").GetString(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target))));

        var trl = Path.Combine(_data, "support-trl.jsonl");
        Assert.Equal(0, (await RunAsync("datasets", "export", "--name", "support", "--format", "Trl", "--output", trl)).Exit);
        Assert.Equal("{\"prompt\":\"How do I reset?\",\"completion\":\"Use the link.\"}", File.ReadLines(trl).First());
    }

    [Fact]
    public async Task A_bad_file_lists_every_bad_line_as_file_and_line_and_imports_nothing()
    {
        await RunAsync("migrate");
        var file = WriteFile("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\":\n{\"text\":5}\n");

        var result = await ImportAsync(file, "broken");

        Assert.Equal(1, result.Exit);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{file}:2: malformed JSON", lines[0]);
        Assert.Equal($"{file}:3: field 'text' must be a string, got a number", lines[1]);
        Assert.Empty((await RunAsync("datasets", "list")).Output);
    }

    [Fact]
    public async Task Split_makes_the_next_version_and_refuses_fractions_that_do_not_add_up()
    {
        await RunAsync("migrate");
        var file = WriteFile("t.txt", string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"paragraph {i}")));
        await ImportAsync(file, "corpus");

        var split = await RunAsync("datasets", "split", "--name", "corpus", "--train", "0.9", "--validation", "0.05", "--test", "0.05", "--seed", "3");
        var bad = await RunAsync("datasets", "split", "--name", "corpus", "--train", "0.9", "--validation", "0.5", "--test", "0.05");

        Assert.Equal(0, split.Exit);
        Assert.Contains("\"version\":2", split.Output);
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith("train: The fractions add up to", bad.Error);
    }

    [Fact]
    public async Task Preprocess_reports_what_each_step_did_and_refuses_unknown_steps()
    {
        await RunAsync("migrate");
        await ImportAsync(WriteFile("d.jsonl", "{\"text\":\"a  b\"}\n{\"text\":\"a b\"}\n"), "dups");

        var result = await RunAsync("datasets", "preprocess", "--name", "dups");
        var bad = await RunAsync("datasets", "preprocess", "--name", "dups", "--steps", "nfc,stemming");

        Assert.Equal(0, result.Exit);
        Assert.Contains("\"duplicatesRemoved\":1", result.Output);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown step(s) stemming", bad.Error);
    }

    [Fact]
    public async Task Stats_diff_and_edit_metadata_give_automation_the_same_operations_as_the_portal()
    {
        await RunAsync("migrate");
        var file = WriteFile("labels.jsonl", "{\"text\":\"The parcel is late and the customer is angry.\",\"label\":\"complaint\"}\n" +
            "{\"text\":\"Thank you, the delivery was fast and the support was helpful.\",\"label\":\"praise\"}\n");
        await ImportAsync(file, "moods");

        var edited = await RunAsync("datasets", "edit-metadata", "--name", "moods", "--record", "1", "--metadata", "{\"channel\":\"email\"}");
        var stats = await RunAsync("datasets", "stats", "--name", "moods", "--version", "1");
        var diff = await RunAsync("datasets", "diff", "--name", "moods", "--from", "1", "--to", "2");
        var noTo = await RunAsync("datasets", "diff", "--name", "moods", "--from", "1");

        Assert.Equal(0, edited.Exit);
        Assert.StartsWith("{\"version\":2,", edited.Output);
        Assert.Equal(0, stats.Exit);
        using var statistics = JsonDocument.Parse(stats.Output);
        var s = statistics.RootElement.GetProperty("statistics");
        Assert.Equal((2, "en"), (s.GetProperty("records").GetInt32(), s.GetProperty("languages")[0].GetProperty("key").GetString()));
        var lines = diff.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"from\":1,\"to\":2,\"added\":0,\"removed\":0,\"changed\":1,\"unchanged\":1}", lines[0]);
        using var change = JsonDocument.Parse(lines[1]);
        Assert.Equal("email", change.RootElement.GetProperty("after").GetProperty("metadata").GetProperty("channel").GetString());
        Assert.Equal((2, "--to is required, e.g. --to 1."), (noTo.Exit, noTo.Error.Trim()));
    }

    [Fact]
    public async Task Redact_makes_the_next_version_with_counts_by_type()
    {
        await RunAsync("migrate");
        await ImportAsync(WriteFile("mails.jsonl", "{\"text\":\"write to jane@example.com\"}\n"), "mails");

        var redacted = await RunAsync("datasets", "redact", "--name", "mails", "--operator", "pseudonym");
        var exported = Path.Combine(_data, "mails.jsonl.out");
        await RunAsync("datasets", "export", "--name", "mails", "--output", exported);

        Assert.Equal(0, redacted.Exit);
        Assert.Contains("\"byType\":{\"EMAIL_ADDRESS\":1}", redacted.Output);
        Assert.DoesNotContain("jane@", File.ReadAllText(exported));
        Assert.Matches("write to [a-z.]+[0-9]{2}@example\\.com", File.ReadAllText(exported));

        var before = await RunAsync("datasets", "pii-audit", "--name", "mails", "--version", "1");
        var after = await RunAsync("datasets", "pii-audit", "--name", "mails", "--version", "2");
        Assert.Contains("\"findings\":1,", before.Output);
        Assert.Contains("\"masked\":\"j***@*******.***\"", before.Output);
        // Pseudonyms are realistic by design: the audit of v2 finds the stand-in, never the original.
        Assert.Contains("\"findings\":1,", after.Output);
        Assert.DoesNotContain("jane", after.Output);
    }

    [Fact]
    public async Task Exporting_an_unknown_dataset_names_it()
    {
        await RunAsync("migrate");
        var result = await RunAsync("datasets", "export", "--name", "ghost", "--output", Path.Combine(_data, "x.jsonl"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("No dataset is named 'ghost'", result.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
