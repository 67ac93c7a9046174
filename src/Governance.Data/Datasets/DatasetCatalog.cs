using Governance.Core.Datasets;
using Governance.Core.Datasets.Export;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>A dataset with its newest version, as lists show it.</summary>
public sealed record DatasetSummary(Dataset Dataset, DatasetVersion Latest, int Versions);

/// <summary>A record as stored: its place in the version, its hash, its canonical JSON and its split, if any.</summary>
public sealed record StoredRecord(long Ordinal, string Hash, string Json, Core.Datasets.Splits.Split? Split = null);

/// <summary>A record of a version as read in order: its place, its key across versions, its hash, JSON and split.</summary>
public sealed record EntryLine(long Ordinal, long Key, string Hash, string Json, Core.Datasets.Splits.Split? Split);

/// <summary>A page of records and how many there are in all (matching the query); <paramref name="TotalIsAtLeast"/>
/// when the count stopped at <see cref="DatasetCatalog.SearchCountLimit"/>.</summary>
public sealed record RecordPage(long Total, IReadOnlyList<StoredRecord> Records, bool TotalIsAtLeast = false)
{
    /// <summary>True when a search scanned the text because the version's full-text index is still being built.</summary>
    public bool SearchIndexPending { get; init; }
}

/// <summary>Reads datasets and versions, and streams a version's records for export.</summary>
public sealed class DatasetCatalog(IDbContextFactory<GovernanceDbContext> databases)
{
    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var versions = (await db.DatasetVersions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.DatasetId);
        return [.. datasets.Where(d => versions[d.Id].Any())
            .Select(d => new DatasetSummary(d, versions[d.Id].MaxBy(v => v.Number)!, versions[d.Id].Count()))];
    }

    /// <summary>A version by dataset name and number (the newest when <paramref name="number"/> is null).</summary>
    public async Task<(Dataset Dataset, DatasetVersion Version)> FindAsync(string name, int? number = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == name, cancellationToken)
            ?? throw new ValidationError("dataset", $"No dataset is named '{name}'.");
        var versions = db.DatasetVersions.AsNoTracking().Where(v => v.DatasetId == dataset.Id);
        var version = number is null
            ? await versions.OrderByDescending(v => v.Number).FirstAsync(cancellationToken)
            : await versions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
              ?? throw new ValidationError("version", $"Dataset '{name}' has no version {number}.");
        return (dataset, version);
    }

    /// <summary>A version by its id.</summary>
    public async Task<DatasetVersion> FindVersionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken);
    }

    /// <summary>Every version of a dataset, newest first.</summary>
    public async Task<(Dataset Dataset, IReadOnlyList<DatasetVersion> Versions)> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var (dataset, _) = await FindAsync(name, null, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var versions = await db.DatasetVersions.AsNoTracking().Where(v => v.DatasetId == dataset.Id)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return (dataset, versions);
    }

    /// <summary>The version's records with their keys, hashes and splits, in order, read as a stream.</summary>
    public async IAsyncEnumerable<EntryLine> EntriesAsync(
        Guid versionId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.VersionEntries.AsNoTracking().Where(e => e.VersionId == versionId).OrderBy(e => e.Ordinal)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (e, c) => new { e.Ordinal, e.RecordKey, c.Hash, c.Json, e.Split }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
            yield return new EntryLine(row.Ordinal, row.RecordKey, row.Hash, row.Json, row.Split);
    }

    /// <summary>The version's records (of one split, when given) as stored canonical JSON, in order, read as a stream.</summary>
    public async IAsyncEnumerable<string> CanonicalLinesAsync(Guid versionId, Core.Datasets.Splits.Split? split = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entries = db.VersionEntries.AsNoTracking().Where(e => e.VersionId == versionId);
        if (split is not null) entries = entries.Where(e => e.Split == split);
        var lines = entries.OrderBy(e => e.Ordinal)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (_, c) => c.Json).AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(cancellationToken)) yield return line;
    }

    /// <summary>
    /// One page of a version's records. Without filters, in record order, a page is a range of ordinals (they are
    /// contiguous), so any page costs the same; sorting by length goes through the (VersionId, Length, Ordinal) index. A search
    /// on SQLite goes through the full-text index once the version is indexed (every word must appear) and counts at
    /// most <see cref="SearchCountLimit"/> matches; on SQL Server, before the index is built, or when the search has
    /// no word, it matches the records' JSON with LIKE.
    /// </summary>
    public async Task<RecordPage> PageAsync(DatasetVersion version, RecordQuery query, CancellationToken cancellationToken = default)
    {
        query.Validate();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var indexPending = false;
        if (search is not null && db.Database.IsSqlite() && RecordSearchIndex.MatchQuery(search) is { } match)
        {
            if (await db.SearchIndexedVersions.AnyAsync(v => v.VersionId == version.Id, cancellationToken))
                return await FullTextPageAsync(db, version, query, match, cancellationToken);
            indexPending = true;
        }

        var rows = db.VersionEntries.AsNoTracking().Where(e => e.VersionId == version.Id)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (e, c) => new { e.Ordinal, c.Hash, c.Json, e.Split, e.Length });
        var filtered = search is not null || query.Split is not null || query.Label is not null;
        if (query.Split is { } split) rows = rows.Where(r => r.Split == split);
        if (query.Label is { } label)
        {
            var (single, multi) = LabelPatterns(label);
            rows = rows.Where(r => EF.Functions.Like(r.Json, single, "\\") || EF.Functions.Like(r.Json, multi, "\\"));
        }
        if (search is not null) rows = rows.Where(r => EF.Functions.Like(r.Json, "%" + EscapeLike(search) + "%", "\\"));

        if (!filtered && query.Sort == RecordSort.Ordinal)
        {
            long first = (long)query.Page * query.Size, last = first + query.Size - 1;
            var (low, high) = query.Descending ? (version.RecordCount - 1 - last, version.RecordCount - 1 - first) : (first, last);
            var range = rows.Where(r => r.Ordinal >= low && r.Ordinal <= high);
            var items = await (query.Descending ? range.OrderByDescending(r => r.Ordinal) : range.OrderBy(r => r.Ordinal)).ToListAsync(cancellationToken);
            return new RecordPage(version.RecordCount, [.. items.Select(r => new StoredRecord(r.Ordinal, r.Hash, r.Json, r.Split))]);
        }
        var total = filtered ? await rows.LongCountAsync(cancellationToken) : version.RecordCount;
        var ordered = (query.Sort, query.Descending) switch
        {
            (RecordSort.Length, false) => rows.OrderBy(r => r.Length).ThenBy(r => r.Ordinal),
            (RecordSort.Length, true) => rows.OrderByDescending(r => r.Length).ThenByDescending(r => r.Ordinal),
            (_, false) => rows.OrderBy(r => r.Ordinal),
            (_, true) => rows.OrderByDescending(r => r.Ordinal),
        };
        var page = await ordered.Skip(query.Page * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        return new RecordPage(total, [.. page.Select(r => new StoredRecord(r.Ordinal, r.Hash, r.Json, r.Split))]) { SearchIndexPending = indexPending };
    }

    /// <summary>The most matches a full-text search counts and sorts; beyond it the total is shown as "more than" and
    /// the matches come in index order.</summary>
    public const int SearchCountLimit = 10_000;

    private static async Task<RecordPage> FullTextPageAsync(GovernanceDbContext db, DatasetVersion version, RecordQuery query, string match,
        CancellationToken cancellationToken)
    {
        // The index drives: each matching content leads through the Hash index to this version's entries holding it. The
        // unary plus keeps SQLite from preferring the primary key on VersionId, which would scan all the version's entries.
        var conditions = new List<string>();
        var parameters = new List<object> { match, VersionRows.Key(db, version.Id) };
        if (query.Split is { } split) { parameters.Add(split.ToString()); conditions.Add($"AND e.Split = {{{parameters.Count - 1}}}"); }
        if (query.Label is { } label)
        {
            var (single, multi) = LabelPatterns(label);
            parameters.Add(single);
            parameters.Add(multi);
            conditions.Add($"AND (c.Json LIKE {{{parameters.Count - 2}}} ESCAPE '\\' OR c.Json LIKE {{{parameters.Count - 1}}} ESCAPE '\\')");
        }
        var from = $$"""
            FROM {{RecordSearchIndex.Table}} s
            CROSS JOIN VersionEntries e ON e.Hash >= printf('%015x', s.rowid) AND e.Hash < printf('%015x', s.rowid) || 'g' AND +e.VersionId = {1}
            CROSS JOIN RecordContents c ON c.Hash = e.Hash
            WHERE {{RecordSearchIndex.Table}} MATCH {0} {{string.Join(" ", conditions)}}
            """;
        // Only constants and validated numbers are spliced into the SQL; what people typed travels as parameters.
        var countSql = $"SELECT COUNT(*) AS Value FROM (SELECT 1 {from} LIMIT {SearchCountLimit + 1})";
        var total = await db.Database.SqlQueryRaw<long>(countSql, [.. parameters]).SingleAsync(cancellationToken);
        // Up to the limit the matches are sorted as asked; beyond it, sorting them all would cost seconds, so they come
        // in the index's own order, which SQLite reads without sorting (the page says so).
        var direction = query.Descending ? "DESC" : "ASC";
        var order = total > SearchCountLimit ? "s.rowid" : query.Sort == RecordSort.Length ? $"e.Length {direction}, e.Ordinal {direction}" : $"e.Ordinal {direction}";
        var pageSql = $"SELECT e.Ordinal, e.Hash, c.Json, e.Split {from} ORDER BY {order} LIMIT {query.Size} OFFSET {(long)query.Page * query.Size}";
        var rows = await db.Database.SqlQueryRaw<SearchRow>(pageSql, [.. parameters]).ToListAsync(cancellationToken);
        return new RecordPage(total, [.. rows.Select(r => new StoredRecord(r.Ordinal, r.Hash, r.Json,
            r.Split is null ? null : Enum.Parse<Core.Datasets.Splits.Split>(r.Split)))], total > SearchCountLimit);
    }

    private sealed class SearchRow
    {
        public long Ordinal { get; init; }
        public required string Hash { get; init; }
        public required string Json { get; init; }
        public string? Split { get; init; }
    }

    /// <summary>LIKE patterns for a label in canonical JSON: as the single <c>label</c>, or inside <c>labels</c>.</summary>
    private static (string Single, string Multi) LabelPatterns(string label)
    {
        var quoted = EscapeLike(Core.Datasets.Records.CanonicalJson.QuoteString(label));
        return ($"%\"label\":{quoted}%", $"%\"labels\":[%{quoted}%]%");
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Writes the version to <paramref name="output"/> in a one-file <paramref name="format"/>; returns the record count.</summary>
    public Task<long> ExportAsync(DatasetVersion version, ExportFormat format, Stream output, CancellationToken cancellationToken = default) =>
        format == ExportFormat.HuggingFace
            ? throw new ArgumentException("A Hugging Face export is a folder: use ExportFolderAsync.", nameof(format))
            : DatasetExportWriter.WriteAsync(CanonicalLinesAsync(version.Id, null, cancellationToken), version.Shape, format, output, cancellationToken);

    /// <summary>
    /// Writes the version as a Hugging Face datasets folder through <paramref name="createFile"/> (a zip entry or a
    /// file): data/&lt;split&gt;.jsonl in TRL form for each split it has (all in train when it was never split), and README.md.
    /// </summary>
    public async Task<long> ExportFolderAsync(Dataset dataset, DatasetVersion version, Func<string, Stream> createFile, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var present = await db.VersionEntries.Where(e => e.VersionId == version.Id).Select(e => e.Split).Distinct().ToListAsync(cancellationToken);
        var files = new List<(Core.Datasets.Splits.Split, string, long)>();
        foreach (var split in present.OrderBy(s => s))
        {
            var name = split ?? Core.Datasets.Splits.Split.Train;
            var path = $"data/{name.ToString().ToLowerInvariant()}.jsonl";
            await using var file = createFile(path);
            var count = await DatasetExportWriter.WriteAsync(CanonicalLinesAsync(version.Id, split, cancellationToken), version.Shape, ExportFormat.Trl, file, cancellationToken);
            files.Add((name, path, count));
        }
        await using (var readme = createFile("README.md"))
        await using (var writer = new StreamWriter(readme, new System.Text.UTF8Encoding(false)))
            await writer.WriteAsync(DatasetCard.Render(dataset, version, files));
        return files.Sum(f => f.Item3);
    }
}
