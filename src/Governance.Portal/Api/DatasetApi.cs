using System.Security.Claims;
using Governance.Core.Datasets.Export;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Datasets.Splits;
using Governance.Core.Security;
using Governance.Data.Datasets;
using Governance.Portal.Datasets;

namespace Governance.Portal.Api;

internal static class DatasetApi
{
    public const string ExportPath = "/api/datasets/{0}/versions/{1}/export?format={2}";

    public static void MapDatasetApi(this RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("/datasets");
        datasets.MapGet("", async (DatasetCatalog catalog, CancellationToken ct) =>
            (await catalog.ListAsync(ct)).Select(DatasetView.Of)).RequireAuthorization(Policies.ViewDatasets);

        // The body is the file itself (application/octet-stream); the datasheet facts come in the query string.
        datasets.MapPost("", async (HttpRequest request, string name, string source, string licence, string purpose,
            string fileName, ImportFormat? format, string? uploadId, DatasetUploads uploads, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var outcome = await uploads.ImportAsync(request, new UploadFacts(name, source, licence, purpose, fileName, format, uploadId),
                user.Identity!.Name!, ct);
            return outcome.Report.Accepted
                ? Results.Created($"/api/datasets/{Uri.EscapeDataString(outcome.Dataset!.Name)}", ImportView.Of(outcome))
                : Results.UnprocessableEntity(ImportView.Of(outcome));
        }).RequireAuthorization(Policies.ManageDatasets);

        datasets.MapGet("/{name}/versions", async (string name, DatasetCatalog catalog, CancellationToken ct) =>
            (await catalog.VersionsAsync(name, ct)).Versions.Select(VersionView.Of)).RequireAuthorization(Policies.ViewDatasets);

        datasets.MapGet("/{name}/versions/{number:int}/records", async (string name, int number, int? page, int? size,
            string? search, RecordSort? sort, bool? descending, Split? split, string? label, DatasetCatalog catalog, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            var records = await catalog.PageAsync(version,
                new RecordQuery(page ?? 0, size ?? 50, search, descending ?? false, sort ?? RecordSort.Ordinal, split, label), ct);
            return new
            {
                total = records.Total, totalIsAtLeast = records.TotalIsAtLeast, searchIndexPending = records.SearchIndexPending,
                records = records.Records.Select(RecordRow.Of),
            };
        }).RequireAuthorization(Policies.ViewDatasets);

        // The body is the new metadata, a JSON object; the record is 1-based, as the browser shows it.
        datasets.MapPut("/{name}/versions/{number:int}/records/{record:long}/metadata", async (string name, int number, long record,
            System.Text.Json.JsonElement metadata, RecordEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var version = await editor.EditMetadataAsync(name, number, record, metadata.GetRawText(), user.Identity!.Name!, ct);
            return Results.Created($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{version.Number}", VersionView.Of(version));
        }).RequireAuthorization(Policies.ManageDatasets);

        datasets.MapGet("/{name}/versions/{number:int}/statistics", async (string name, int number, DatasetCatalog catalog,
            DatasetStatistics statistics, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            var run = await statistics.FindAsync(version.Id, ct);
            return new
            {
                state = (run?.State ?? RunState.Queued).ToString(), statistics = DatasetStatistics.Read(run), error = run?.Error,
                finishedUtc = run?.FinishedUtc,
            };
        }).RequireAuthorization(Policies.ViewDatasets);

        datasets.MapPost("/{name}/versions/{number:int}/statistics", async (string name, int number, DatasetCatalog catalog,
            DatasetStatistics statistics, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            await statistics.RequestAsync(version.Id, ct);
            return Results.Accepted($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{number}/statistics");
        }).RequireAuthorization(Policies.ManageDatasets);

        datasets.MapGet("/{name}/diff", async (string name, int from, int to, ChangeKind? kind, int? page, int? size,
            DatasetDiffer differ, CancellationToken ct) =>
        {
            var query = new RecordQuery(page ?? 0, size ?? 50);
            query.Validate();
            var diff = await differ.DiffAsync(name, from, to, ct);
            var (total, items) = await differ.PageAsync(name, diff, kind, query.Page, query.Size, ct);
            return new
            {
                from, to, added = diff.Added, removed = diff.Removed, changed = diff.Changed, unchanged = diff.Unchanged, total,
                items = items.Select(i => new
                {
                    kind = i.Entry.Kind.ToString(), key = i.Entry.Key, fromRecord = i.Entry.FromOrdinal + 1, toRecord = i.Entry.ToOrdinal + 1,
                    fromJson = i.FromJson, toJson = i.ToJson,
                }),
            };
        }).RequireAuthorization(Policies.ViewDatasets);

        datasets.MapPost("/{name}/versions/{number:int}/split", async (string name, int number, SplitPlan plan, DatasetSplitter splitter,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var version = await splitter.SplitAsync(name, number, plan, user.Identity!.Name!, ct);
            return Results.Created($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{version.Number}", VersionView.Of(version));
        }).RequireAuthorization(Policies.ManageDatasets);

        datasets.MapPost("/{name}/versions/{number:int}/preprocess", async (string name, int number, PreprocessingPlan plan,
            DatasetPreprocessor preprocessor, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var outcome = await preprocessor.RunAsync(name, number, plan, user.Identity!.Name!, ct);
            return Results.Created($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{outcome.Version.Number}", new
            {
                version = VersionView.Of(outcome.Version), counts = outcome.Counts,
                nearDuplicatePairs = outcome.NearDuplicates.Select(p => new { kept = p.First + 1, removed = p.Second + 1, similarity = p.Similarity }),
            });
        }).RequireAuthorization(Policies.ManageDatasets);

        datasets.MapGet("/{name}/versions/{number:int}/pii-audit", async (string name, int number, DatasetCatalog catalog,
            DatasetPiiAudits audits, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            var run = await audits.FindAsync(version.Id, ct);
            return run is null
                ? Results.NotFound(new { error = $"No PII audit of version {number} was asked for; POST to this address to run one." })
                : Results.Ok(new
                {
                    state = run.State.ToString(), threshold = run.Threshold, requestedBy = run.RequestedBy, recordsDone = run.RecordsDone,
                    recordsTotal = run.RecordsTotal, summary = DatasetPiiAudits.Read(run), error = run.Error,
                });
        }).RequireAuthorization(Policies.ViewDatasets);

        datasets.MapPost("/{name}/versions/{number:int}/pii-audit", async (string name, int number, PiiAuditRequest body, DatasetCatalog catalog,
            DatasetPiiAudits audits, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            await audits.RequestAsync(version.Id, body.Threshold ?? Core.Pii.PiiSettings.DefaultThreshold, user.Identity!.Name!, ct);
            return Results.Accepted($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{number}/pii-audit");
        }).RequireAuthorization(Policies.AuditDatasets);

        datasets.MapPost("/{name}/versions/{number:int}/pii-audit/cancel", async (string name, int number, DatasetCatalog catalog,
            DatasetPiiAudits audits, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            var run = await audits.CancelAsync(version.Id, ct);
            return Results.Accepted($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{number}/pii-audit", new { state = run.State.ToString() });
        }).RequireAuthorization(Policies.AuditDatasets);

        // Anonymization as a new version; keyed hashes and pseudonyms use the Pii:HashKey setting.
        datasets.MapPost("/{name}/versions/{number:int}/redact", async (string name, int number, RedactionRequest body,
            DatasetRedactor redactor, Governance.Portal.Datasets.PiiKey key, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var @operator = body.ParsedOperator();
            var (version, counts) = await redactor.RunAsync(name, number, @operator, body.Threshold ?? Core.Pii.PiiSettings.DefaultThreshold,
                key.For(@operator), user.Identity!.Name!, ct);
            return Results.Created($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{version.Number}", new { version = VersionView.Of(version), counts });
        }).RequireAuthorization(Policies.RedactDatasets);

        datasets.MapGet("/{name}/versions/{number:int}/export", async (string name, int number, ExportFormat? format,
            DatasetCatalog catalog, Data.Audit.AuditTrail trail, HttpContext http, CancellationToken ct) =>
        {
            var (dataset, version) = await catalog.FindAsync(name, number, ct);
            var chosen = format ?? ExportFormat.Canonical;
            await trail.RecordAsync(http, $"dataset-version:{version.Id}", "export", $"{dataset.Name} v{version.Number}, {chosen}");
            if (chosen == ExportFormat.HuggingFace)
            {
                // ZipArchive writes its central directory synchronously; allowed for this download alone.
                http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                return Results.Stream(async stream =>
                {
                    using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
                    await catalog.ExportFolderAsync(dataset, version, path => zip.CreateEntry($"{dataset.Name}-v{version.Number}/{path}").Open(), ct);
                }, "application/zip", $"{dataset.Name}-v{version.Number}-huggingface.zip");
            }
            var extension = chosen == ExportFormat.Csv ? "csv" : "jsonl";
            return Results.Stream(stream => catalog.ExportAsync(version, chosen, stream, ct),
                chosen == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8",
                $"{dataset.Name}-v{version.Number}-{chosen.ToString().ToLowerInvariant()}.{extension}");
        }).RequireAuthorization(Policies.ExportDatasets);
    }
}

/// <summary>A PII audit request: the score a finding needs (default 0.5).</summary>
public sealed record PiiAuditRequest(double? Threshold);

/// <summary>How to anonymize a version: the operator (redact, replace, mask, hash, pseudonym) and, optionally, the score a finding needs.</summary>
public sealed record RedactionRequest(string Operator, double? Threshold)
{
    public Core.Pii.AnonymizationOperator ParsedOperator() =>
        Enum.TryParse<Core.Pii.AnonymizationOperator>(Operator, ignoreCase: true, out var parsed) && !int.TryParse(Operator, out _)
            ? parsed
            : throw new Core.Validation.ValidationError("operator", $"'{Operator}' is not one of redact, replace, mask, hash, pseudonym.");
}

/// <summary>A dataset as the API and the Datasets page show it.</summary>
public sealed record DatasetView(
    string Name, string Source, string Licence, string CollectionPurpose, int Versions, int LatestVersion, string Shape,
    long Records, string ContentHash, string CreatedBy, DateTimeOffset CreatedUtc)
{
    public static DatasetView Of(DatasetSummary s) => new(s.Dataset.Name, s.Dataset.Source, s.Dataset.Licence,
        s.Dataset.CollectionPurpose, s.Versions, s.Latest.Number, s.Latest.Shape.ToString(), s.Latest.RecordCount,
        s.Latest.ContentHash, s.Dataset.CreatedBy, s.Dataset.CreatedUtc);
}

/// <summary>What an import found: the new version, or every bad line (up to the listing limit).</summary>
public sealed record ImportView(
    bool Accepted, string Summary, string? Dataset, int? Version, string? Shape, long Records, string? ContentHash,
    long ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyCollection<string> MetadataFields)
{
    public static ImportView Of(ImportOutcome o) => new(o.Report.Accepted, o.Report.Summary, o.Dataset?.Name, o.Version?.Number,
        o.Report.Shape?.ToString(), o.Report.Records, o.Version?.ContentHash, o.Report.ErrorCount, o.Report.Errors, o.Report.MetadataFields);
}

/// <summary>A version as the API and the dataset page show it.</summary>
public sealed record VersionView(int Number, string Operation, string Parameters, string Shape, long Records,
    string ContentHash, string CreatedBy, DateTimeOffset CreatedUtc)
{
    public static VersionView Of(Core.Datasets.DatasetVersion v) =>
        new(v.Number, v.Operation, v.Parameters, v.Shape.ToString(), v.RecordCount, v.ContentHash, v.CreatedBy, v.CreatedUtc);
}

/// <summary>A record in a browser: position, hash, a short preview of its text, its canonical JSON, its length and split.</summary>
public sealed record RecordRow(long Ordinal, string Hash, string Preview, string Json, string? Split)
{
    /// <summary>Characters of its canonical JSON: what the browser sorts by.</summary>
    public int Length => Json.Length;

    private const int PreviewLength = 160;

    public static RecordRow Of(StoredRecord stored)
    {
        var text = Core.Datasets.Import.RecordParser.ParseCanonical(stored.Json).SearchableText.ReplaceLineEndings(" ");
        return new(stored.Ordinal, stored.Hash, text.Length > PreviewLength ? text[..PreviewLength] + "..." : text, stored.Json,
            stored.Split?.ToString());
    }
}
