using System.Security.Cryptography;
using System.Text;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Export;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.Providers;

namespace Governance.Data.Tests;

/// <summary>Diffs, metadata edits, statistics, near-duplicate removal and the browser's filters, on a real SQLite file.</summary>
public sealed class DatasetVersionTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private ProviderContextFactory _databases = default!;
    private DatasetCatalog _catalog = default!;

    private const string Faq = """
        {"prompt":"How do I reset my password?","completion":"Use the   link on the sign-in page.","team":"web"}
        {"prompt":"How do I reset my password?","completion":"Use the link on the sign-in page.","team":"web"}
        {"prompt":"Where is my parcel?","completion":"Track it from the orders page; parcels arrive within five working days of dispatch.","team":"logistics"}
        {"prompt":"Where is my parcel now?","completion":"Track it from the orders page; parcels arrive within five working days of dispatch.","team":"logistics"}
        {"prompt":"Can I pay by invoice?","completion":"Yes, business customers can pay by invoice within 30 days.","team":"billing"}
        """;

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "versions.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, connection, MessagingTransport.InMemory, null, _folder.Path)).MigrateAsync();
        _databases = new ProviderContextFactory(DatabaseProvider.Sqlite, connection);
        _catalog = new DatasetCatalog(_databases);
    }

    private async Task ImportAsync(string content, string name = "faq")
    {
        var outcome = await new DatasetImporter(_databases, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)),
            new ImportRequest(name, "helpdesk", "CC-BY-4.0", "tests", "faq.jsonl", ImportFormat.Jsonl, "tester"), ImportLimits.Default);
        Assert.True(outcome.Report.Accepted, outcome.Report.Summary);
    }

    private DatasetPreprocessor Preprocessor => new(_databases, _catalog, TimeProvider.System);
    private DatasetDiffer Differ => new(_databases, _catalog);

    [Fact]
    public async Task A_diff_after_preprocessing_counts_changed_and_removed_records_and_pages_through_them_with_both_sides()
    {
        await ImportAsync(Faq);
        await Preprocessor.RunAsync("faq", 1, new PreprocessingPlan(false, true, false, true, null, null), "tester");

        var diff = await Differ.DiffAsync("faq", 1, 2);

        // Record 1's double space is collapsed (changed), which makes record 2 its duplicate (removed).
        Assert.Equal((0L, 1L, 1L, 3L), (diff.Added, diff.Removed, diff.Changed, diff.Unchanged));
        var (total, items) = await Differ.PageAsync("faq", diff, null, 0, 10);
        Assert.Equal(2, total);
        Assert.Equal((ChangeKind.Changed, 0L, 0L), (items[0].Entry.Kind, items[0].Entry.FromOrdinal!.Value, items[0].Entry.ToOrdinal!.Value));
        Assert.Contains("Use the   link", items[0].FromJson);
        Assert.Contains("Use the link", items[0].ToJson);
        Assert.Equal((ChangeKind.Removed, 1L, null), (items[1].Entry.Kind, items[1].Entry.FromOrdinal, items[1].ToJson));
        var (removedOnly, removed) = await Differ.PageAsync("faq", diff, ChangeKind.Removed, 0, 10);
        Assert.Equal(1, removedOnly);
        Assert.Single(removed);

        var backwards = await Differ.DiffAsync("faq", 2, 1);
        Assert.Equal((1L, 0L, 1L), (backwards.Added, backwards.Removed, backwards.Changed));
        await Assert.ThrowsAsync<ValidationError>(() => Differ.DiffAsync("faq", 1, 1));
    }

    [Fact]
    public async Task Editing_metadata_makes_a_version_that_differs_in_one_record_and_whose_hash_matches_its_export()
    {
        await ImportAsync(Faq);
        var editor = new RecordEditor(_databases, _catalog, TimeProvider.System);

        var version = await editor.EditMetadataAsync("faq", 1, 3, """{"team":"shipping","reviewed":true}""", "tester");

        Assert.Equal((2, "edit-metadata", 5L), (version.Number, version.Operation, version.RecordCount));
        Assert.Contains("\"fields\":[\"reviewed\",\"team\"]", version.Parameters);
        Assert.DoesNotContain("shipping", version.Parameters);
        var export = new MemoryStream();
        await _catalog.ExportAsync(version, ExportFormat.Canonical, export);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(export.ToArray())), version.ContentHash);
        Assert.Contains("\"metadata\":{\"reviewed\":true,\"team\":\"shipping\"}", Encoding.UTF8.GetString(export.ToArray()));
        var diff = await Differ.DiffAsync("faq", 1, 2);
        Assert.Equal((0L, 0L, 1L, 4L), (diff.Added, diff.Removed, diff.Changed, diff.Unchanged));
        Assert.Equal(2L, diff.Entries.Single().ToOrdinal);

        var notObject = await Assert.ThrowsAsync<ValidationError>(() => editor.EditMetadataAsync("faq", 2, 1, "[1,2]", "tester"));
        Assert.Equal("metadata", notObject.Field);
        var broken = await Assert.ThrowsAsync<ValidationError>(() => editor.EditMetadataAsync("faq", 2, 1, "{\"a\":", "tester"));
        Assert.Contains("not valid JSON", broken.Message);
        var unchanged = await Assert.ThrowsAsync<ValidationError>(() => editor.EditMetadataAsync("faq", 2, 1, "{\"team\":\"web\"}", "tester"));
        Assert.Contains("unchanged", unchanged.Message);
        Assert.Equal("record", (await Assert.ThrowsAsync<ValidationError>(() => editor.EditMetadataAsync("faq", 2, 6, "{}", "tester"))).Field);
        Assert.Equal(2, (await _catalog.VersionsAsync("faq")).Versions.Count);
    }

    [Fact]
    public async Task Near_duplicate_removal_drops_the_later_record_of_each_pair_and_records_the_pairs()
    {
        await ImportAsync(Faq);

        var outcome = await Preprocessor.RunAsync("faq", 1, new PreprocessingPlan(false, false, false, false, null, null, NearDuplicateThreshold: 0.6), "tester");

        // Records 1 and 2 differ by white space only (same words), 3 and 4 by one word in the prompt.
        Assert.Equal([(1L, 2L), (3L, 4L)], outcome.NearDuplicates.Select(p => (p.First + 1, p.Second + 1)));
        Assert.Equal((5L, 3L, 2L), (outcome.Counts.Read, outcome.Counts.Kept, outcome.Counts.NearDuplicatesRemoved));
        Assert.Contains("\"nearDuplicatePairs\":[{\"kept\":1,\"removed\":2", outcome.Version.Parameters);
        Assert.Equal("nearDuplicateThreshold",
            (await Assert.ThrowsAsync<ValidationError>(() => Preprocessor.RunAsync("faq", 1, PreprocessingPlan.Default with { NearDuplicateThreshold = 0.2 }, "tester"))).Field);
    }

    [Fact]
    public async Task Statistics_count_tokens_labels_duplicates_and_languages_and_are_found_by_the_pending_query()
    {
        await ImportAsync("""
            {"text":"The parcel is late and the customer is angry.","label":"complaint"}
            {"text":"The parcel is late and the customer is angry.","label":"complaint"}
            {"text":"Der Kunde ist mit der Lieferung nicht zufrieden und will das Geld zurück.","label":"complaint"}
            {"text":"Thank you, the delivery was fast and the support was helpful.","label":"praise"}
            """, "tickets");
        var statistics = new DatasetStatistics(_databases, _catalog, TimeProvider.System);
        var (_, version) = await _catalog.FindAsync("tickets");
        Assert.Equal(version.Id, await statistics.NextPendingAsync());

        var run = await statistics.ComputeAsync(version);

        Assert.Equal(RunState.Succeeded, run.State);
        var s = DatasetStatistics.Read(await statistics.FindAsync(version.Id))!;
        Assert.Equal((4L, 1L, 1L), (s.Records, s.ExactDuplicates, s.NearDuplicatePairs));
        Assert.Equal([new("complaint", 3L), new KeyValuePair<string, long>("praise", 1)], s.Labels);
        Assert.Equal([new("en", 3L), new KeyValuePair<string, long>("de", 1)], s.Languages);
        Assert.Equal(s.Records, s.Histogram.Sum(b => b.Records));
        Assert.Equal(GptTokens.Count("The parcel is late and the customer is angry.") * 2 +
            GptTokens.Count("Der Kunde ist mit der Lieferung nicht zufrieden und will das Geld zurück.") +
            GptTokens.Count("Thank you, the delivery was fast and the support was helpful."), s.Tokens);
        Assert.Null(await statistics.NextPendingAsync());
        await statistics.RequestAsync(version.Id);
        Assert.Equal(version.Id, await statistics.NextPendingAsync());
    }

    private static readonly string[] Agents = ["ana", "kim", "lee"];

    [Fact]
    public async Task The_browser_filters_by_split_and_label_sorts_by_length_and_finds_metadata_values()
    {
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"{{\"text\":\"ticket {i} {new string('x', i)}\",\"label\":\"{(i % 4 == 0 ? "urgent" : "normal")}\",\"agent\":\"{Agents[i % 3]}\"}}\n"));
        await ImportAsync(lines, "queue");
        var split = await new DatasetSplitter(_databases, _catalog, TimeProvider.System).SplitAsync("queue", 1, new(0.5, 0.25, 0.25, 3, true), "tester");
        var indexer = new RecordSearchIndexer(_databases, TimeProvider.System);
        Assert.Equal(40, await indexer.IndexAsync((await _catalog.FindAsync("queue", 1)).Version.Id));
        // The split holds the same contents: nothing new to index, and it is searchable all the same.
        Assert.Equal(0, await indexer.IndexAsync(split.Id));
        Assert.Null(await indexer.NextUnindexedAsync());

        var urgent = await _catalog.PageAsync(split, new RecordQuery(0, 100, Label: "urgent"));
        Assert.Equal(10, urgent.Total);
        Assert.All(urgent.Records, r => Assert.Contains("\"label\":\"urgent\"", r.Json));
        var urgentTest = await _catalog.PageAsync(split, new RecordQuery(0, 100, Label: "urgent", Split: Core.Datasets.Splits.Split.Test));
        Assert.Equal(urgentTest.Records.Count, urgentTest.Total);
        Assert.True(urgentTest.Total is > 0 and < 10);
        Assert.All(urgentTest.Records, r => Assert.Equal(Core.Datasets.Splits.Split.Test, r.Split));

        var longest = await _catalog.PageAsync(split, new RecordQuery(0, 3, Descending: true, Sort: RecordSort.Length));
        Assert.Equal([39L, 38, 37], longest.Records.Select(r => r.Ordinal));
        var agent = await _catalog.PageAsync(split, new RecordQuery(0, 100, "LEE", Label: "normal"));
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 == 2 && i % 4 != 0).Select(i => (long)i), agent.Records.Select(r => r.Ordinal));
        Assert.Equal("size", Assert.Throws<ValidationError>(() => new RecordQuery(0, 501).Validate()).Field);
    }

    [Fact]
    public async Task Anonymizing_makes_a_version_whose_parameters_count_types_but_hold_no_value()
    {
        await ImportAsync("""
            {"prompt":"Refund to DE89 3704 0044 0532 0130 00 please","completion":"Done, we wrote to jane@example.com.","email":"jane@example.com"}
            {"prompt":"Where is my parcel?","completion":"It ships today."}
            """, "pii");

        var (version, counts) = await new DatasetRedactor(_databases, _catalog, TimeProvider.System)
            .RunAsync("pii", 1, Core.Pii.AnonymizationOperator.Replace, 0.5, null, "tester");

        Assert.Equal((2, "redact", 2L), (version.Number, version.Operation, version.RecordCount));
        Assert.Equal((2L, 1L), (counts.Read, counts.Changed));
        Assert.Equal(new Dictionary<string, long> { ["IBAN_CODE"] = 1, ["EMAIL_ADDRESS"] = 2 }, counts.ByType.ToDictionary());
        Assert.DoesNotContain("jane", version.Parameters);
        Assert.Contains("\"findings\":{", version.Parameters);
        var export = new MemoryStream();
        await _catalog.ExportAsync(version, ExportFormat.Canonical, export);
        var text = Encoding.UTF8.GetString(export.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(export.ToArray())), version.ContentHash);
        Assert.Contains("Refund to <IBAN_CODE> please", text);
        Assert.Contains("\"metadata\":{\"email\":\"<EMAIL_ADDRESS>\"}", text);
        var diff = await Differ.DiffAsync("pii", 1, 2);
        Assert.Equal((0L, 0L, 1L, 1L), (diff.Added, diff.Removed, diff.Changed, diff.Unchanged));
    }

    [Fact]
    public async Task A_pii_audit_counts_findings_and_the_audit_of_the_anonymized_version_is_the_residual()
    {
        await ImportAsync("""
            {"prompt":"My card 4111 1111 1111 1111 was charged","completion":"Refunded to jane@example.com."}
            {"prompt":"Hello","completion":"Hi"}
            """, "audited");
        var audits = new DatasetPiiAudits(_databases, _catalog, TimeProvider.System);
        var (_, v1) = await _catalog.FindAsync("audited", 1);
        await audits.RequestAsync(v1.Id, 0.5, "compliance");
        Assert.Equal(v1.Id, await audits.NextPendingAsync());

        var run = await audits.ComputeAsync(v1, "job");
        var summary = DatasetPiiAudits.Read(run)!;
        await new DatasetRedactor(_databases, _catalog, TimeProvider.System).RunAsync("audited", 1, Core.Pii.AnonymizationOperator.Replace, 0.5, null, "compliance");
        var (_, v2) = await _catalog.FindAsync("audited", 2);
        var residual = DatasetPiiAudits.Read(await audits.ComputeAsync(v2, "cli"))!;

        Assert.Equal((2L, 1L, 2L), (summary.Records, summary.RecordsWithFindings, summary.Findings));
        Assert.Equal("compliance", run.RequestedBy);
        Assert.Null(await audits.NextPendingAsync());
        Assert.Equal(0L, residual.Findings);
        Assert.DoesNotContain("jane", run.Json);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
