using System.Security.Cryptography;
using System.Text;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Export;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

public sealed class DatasetImportTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private ProviderContextFactory _databases = default!;
    private DatasetImporter _importer = default!;
    private DatasetCatalog _catalog = default!;

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "datasets.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, connection, MessagingTransport.InMemory, null, _folder.Path)).MigrateAsync();
        _databases = new ProviderContextFactory(DatabaseProvider.Sqlite, connection);
        _importer = new DatasetImporter(_databases, TimeProvider.System);
        _catalog = new DatasetCatalog(_databases);
    }

    private Task<ImportOutcome> ImportAsync(string content, string name = "support-chats", ImportFormat format = ImportFormat.Jsonl, CancellationToken cancellationToken = default) =>
        _importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)),
            new ImportRequest(name, "helpdesk export 2026-10", "CC-BY-4.0", "fine-tune the support assistant", "chats.jsonl", format, "tester"),
            ImportLimits.Default, cancellationToken);

    private async Task<string> ExportAsync(ExportFormat format, string name = "support-chats")
    {
        var (_, version) = await _catalog.FindAsync(name);
        var output = new MemoryStream();
        await _catalog.ExportAsync(version, format, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private const string Good = """
        {"prompt":"Reset my password","completion":"Use the link on the sign-in page.","ticket":17}
        {"prompt":"Cancel order","completion":"=HYPERLINK(\"http://x\")"}
        {"prompt":"Reset my password","completion":"Use the link on the sign-in page.","ticket":17}
        """;

    [Fact]
    public async Task An_accepted_file_becomes_a_dataset_whose_first_version_records_count_shape_and_content_hash()
    {
        var outcome = await ImportAsync(Good);

        Assert.True(outcome.Report.Accepted, outcome.Report.Summary);
        var version = outcome.Version!;
        Assert.Equal((1, "import", RecordShape.PromptCompletion, 3L), (version.Number, version.Operation, version.Shape, version.RecordCount));
        Assert.Contains("\"format\":\"Jsonl\"", version.Parameters);
        Assert.Equal("CC-BY-4.0", outcome.Dataset!.Licence);
        var canonical = await ExportAsync(ExportFormat.Canonical);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), version.ContentHash);
    }

    [Fact]
    public async Task Identical_records_are_stored_once_but_keep_their_places_in_the_version()
    {
        await ImportAsync(Good);
        await using var db = _databases.CreateDbContext();
        Assert.Equal(2, await db.RecordContents.CountAsync());
        Assert.Equal(3, await db.VersionEntries.CountAsync());
    }

    [Fact]
    public async Task One_bad_line_rejects_the_whole_file_and_leaves_no_trace()
    {
        var outcome = await ImportAsync(Good + "\n{\"prompt\":\"half a record\"}\n");

        Assert.False(outcome.Report.Accepted);
        Assert.Equal(4, Assert.Single(outcome.Report.Errors).Line);
        Assert.Null(outcome.Dataset);
        await using var db = _databases.CreateDbContext();
        Assert.Equal((0, 0, 0, 0), (await db.Datasets.CountAsync(), await db.DatasetVersions.CountAsync(),
            await db.RecordContents.CountAsync(), await db.VersionEntries.CountAsync()));
    }

    [Fact]
    public async Task A_cancelled_import_leaves_no_trace()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(Good, cancellationToken: cancel.Token));
        await using var db = _databases.CreateDbContext();
        Assert.Equal(0, await db.Datasets.CountAsync());
    }

    [Fact]
    public async Task A_second_dataset_of_the_same_name_or_one_without_a_licence_is_refused_naming_the_field()
    {
        await ImportAsync(Good);
        Assert.Equal("name", (await Assert.ThrowsAsync<ValidationError>(() => ImportAsync(Good))).Field);
        var noLicence = new ImportRequest("other", "s", " ", "p", "f.jsonl", ImportFormat.Jsonl, "tester");
        Assert.Equal("licence", (await Assert.ThrowsAsync<ValidationError>(() =>
            _importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Good)), noLicence, ImportLimits.Default))).Field);
    }

    [Fact]
    public async Task A_canonical_export_imports_again_to_the_same_records_and_content_hash()
    {
        var first = await ImportAsync(Good);
        var exported = await ExportAsync(ExportFormat.Canonical);
        var second = await ImportAsync(exported, name: "round-trip");

        Assert.True(second.Report.Accepted, second.Report.Summary);
        Assert.Equal(first.Version!.ContentHash, second.Version!.ContentHash);
        Assert.Equal(exported, await ExportAsync(ExportFormat.Canonical, "round-trip"));
    }

    [Fact]
    public async Task The_TRL_export_keeps_the_training_fields_and_drops_metadata()
    {
        await ImportAsync(Good);
        var lines = (await ExportAsync(ExportFormat.Trl)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""{"prompt":"Reset my password","completion":"Use the link on the sign-in page."}""", lines[0]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task The_CSV_export_defuses_formulas_and_imports_back_to_the_same_prompts()
    {
        await ImportAsync(Good);
        var csv = await ExportAsync(ExportFormat.Csv);

        Assert.StartsWith("prompt,completion,metadata\n", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        var back = await ImportAsync(csv, "from-csv", ImportFormat.Csv);
        Assert.True(back.Report.Accepted, back.Report.Summary);
        Assert.Equal(3, back.Version!.RecordCount);
    }

    [Fact]
    public async Task Pages_cover_every_record_once_in_either_order_and_a_search_pages_through_its_matches()
    {
        var lines = string.Concat(Enumerable.Range(0, 23).Select(i => $"{{\"text\":\"record {i} {(i % 5 == 0 ? "refund_50%" : "other")}\"}}\n"));
        await ImportAsync(lines, "paged");
        var (_, version) = await _catalog.FindAsync("paged");

        async Task<List<long>> All(bool newestFirst, string? search)
        {
            var seen = new List<long>();
            for (var page = 0; ; page++)
            {
                var result = await _catalog.PageAsync(version, new RecordQuery(page, 5, search, newestFirst));
                if (result.Records.Count == 0) return seen;
                seen.AddRange(result.Records.Select(r => r.Ordinal));
            }
        }

        Assert.Equal(Enumerable.Range(0, 23).Select(i => (long)i), await All(false, null));
        Assert.Equal(Enumerable.Range(0, 23).Reverse().Select(i => (long)i), await All(true, null));
        // Until the version is indexed a search scans the text for exactly what was typed, and says so.
        var scanned = await _catalog.PageAsync(version, new RecordQuery(0, 10, "refund_50%"));
        Assert.Equal((5L, true), (scanned.Total, scanned.SearchIndexPending));
        Assert.Equal(23, await new RecordSearchIndexer(_databases, TimeProvider.System).IndexAsync(version.Id));
        Assert.Equal(0, await new RecordSearchIndexer(_databases, TimeProvider.System).IndexAsync(version.Id));

        // Full-text: whole words in any case and order, a word with * as a prefix; punctuation separates words.
        Assert.Equal([0L, 5, 10, 15, 20], await All(false, "REFUND 50"));
        Assert.Equal([20L, 15, 10, 5, 0], await All(true, "50% refu*"));
        Assert.Empty(await All(false, "refu"));
        Assert.Empty(await All(false, "refund 51"));
        // Without any word, the search matches the text literally, % and _ included.
        Assert.Equal([0L, 5, 10, 15, 20], await All(false, "_50%"));
        Assert.Empty(await All(false, "%_"));
        Assert.Equal(5, (await _catalog.PageAsync(version, new RecordQuery(0, 2, "refund"))).Total);
    }

    [Fact]
    public async Task A_split_makes_a_new_version_with_the_same_records_hash_and_order_and_label_proportions_kept()
    {
        var lines = string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"text\":\"t{i}\",\"label\":\"{(i < 30 ? "pos" : "neg")}\"}}\n"));
        var imported = await ImportAsync(lines, "labelled");
        var splitter = new DatasetSplitter(_databases, _catalog, TimeProvider.System);

        var split = await splitter.SplitAsync("labelled", 1, Core.Datasets.Splits.SplitPlan.Default, "tester");
        var again = await splitter.SplitAsync("labelled", 1, Core.Datasets.Splits.SplitPlan.Default, "tester");

        Assert.Equal((2, "split", imported.Version!.Id), (split.Number, split.Operation, split.ParentId!.Value));
        Assert.Equal(imported.Version.ContentHash, split.ContentHash);
        Assert.Contains("\"seed\":42", split.Parameters);
        var rows = (await _catalog.PageAsync(split, new RecordQuery(0, 100))).Records;
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), rows.Select(r => r.Ordinal));
        int Count(Core.Datasets.Splits.Split s, string label) => rows.Count(r => r.Split == s && r.Json.Contains($"\"{label}\""));
        Assert.Equal((24, 3, 3), (Count(Core.Datasets.Splits.Split.Train, "pos"), Count(Core.Datasets.Splits.Split.Validation, "pos"), Count(Core.Datasets.Splits.Split.Test, "pos")));
        var repeated = (await _catalog.PageAsync(again, new RecordQuery(0, 100))).Records;
        Assert.Equal(rows.Select(r => r.Split), repeated.Select(r => r.Split));
        await using var db = _databases.CreateDbContext();
        Assert.Equal(100, await db.RecordContents.CountAsync());
    }

    [Fact]
    public async Task A_Hugging_Face_folder_has_a_file_per_split_and_a_card_whose_header_names_them()
    {
        var lines = string.Concat(Enumerable.Range(0, 20).Select(i => $"{{\"prompt\":\"q{i}\",\"completion\":\"a{i}\",\"n\":{i}}}\n"));
        await ImportAsync(lines, "hf");
        await new DatasetSplitter(_databases, _catalog, TimeProvider.System).SplitAsync("hf", 1, new(0.5, 0.25, 0.25, 1, false), "tester");

        async Task<Dictionary<string, string>> Folder(int number)
        {
            var (dataset, version) = await _catalog.FindAsync("hf", number);
            var files = new Dictionary<string, MemoryStream>();
            await _catalog.ExportFolderAsync(dataset, version, path => files[path] = new KeptStream());
            return files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value.ToArray()));
        }

        var split = await Folder(2);
        Assert.Equal(["README.md", "data/test.jsonl", "data/train.jsonl", "data/validation.jsonl"], split.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10, split["data/train.jsonl"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\"n\"", split["data/train.jsonl"]);
        Assert.StartsWith("---\nlicense: cc-by-4.0\npretty_name: \"hf\"\nconfigs:\n- config_name: default\n  data_files:\n", split["README.md"]);
        Assert.Contains("  - split: validation\n    path: data/validation.jsonl\n", split["README.md"]);

        var unsplit = await Folder(1);
        Assert.Equal(["README.md", "data/train.jsonl"], unsplit.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Preprocessing_normalises_removes_duplicates_after_normalising_and_filters_by_tokens_into_a_new_version()
    {
        var lines = string.Join("\n",
            "{\"text\":\"Hello   world\"}",
            "{\"text\":\"Hello world\"}",
            "{\"text\":\"Cafe\u0301 open\"}",
            "{\"text\":\"short\"}",
            "{\"text\":\"" + string.Join(' ', Enumerable.Repeat("word", 50)) + "\"}");
        await ImportAsync(lines, "raw");
        var preprocessor = new DatasetPreprocessor(_databases, _catalog, TimeProvider.System);

        var (version, counts, _) = await preprocessor.RunAsync("raw", 1, new(true, true, true, true, MinTokens: 2, MaxTokens: 20), "tester");

        Assert.Equal(new PreprocessingCounts(Read: 5, Kept: 2, Changed: 2, DuplicatesRemoved: 1, TooShort: 1, TooLong: 1, NearDuplicatesRemoved: 0), counts);
        Assert.Equal((2, "preprocess", 2L), (version.Number, version.Operation, version.RecordCount));
        Assert.Contains("\"duplicatesRemoved\":1", version.Parameters);
        var exported = await ExportAsync(ExportFormat.Canonical, "raw");
        Assert.Equal("{\"text\":\"Hello world\"}\n{\"text\":\"Café open\"}\n", exported);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(exported))), version.ContentHash);
    }

    /// <summary>A memory stream whose bytes survive the exporter's dispose.</summary>
    private sealed class KeptStream : MemoryStream
    {
        protected override void Dispose(bool disposing) { }
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
