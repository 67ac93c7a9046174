using Governance.Core.Datasets;
using Governance.Core.Datasets.Export;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>A dataset with its newest version, as lists show it.</summary>
public sealed record DatasetSummary(Dataset Dataset, DatasetVersion Latest, int Versions);

/// <summary>A record as stored: its place in the version, its hash, its canonical JSON and its split, if any.</summary>
public sealed record StoredRecord(long Ordinal, string Hash, string Json, Core.Datasets.Splits.Split? Split = null);

/// <summary>A page of records and how many there are in all (matching the search, if any).</summary>
public sealed record RecordPage(long Total, IReadOnlyList<StoredRecord> Records);

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

    /// <summary>Every version of a dataset, newest first.</summary>
    public async Task<(Dataset Dataset, IReadOnlyList<DatasetVersion> Versions)> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var (dataset, _) = await FindAsync(name, null, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var versions = await db.DatasetVersions.AsNoTracking().Where(v => v.DatasetId == dataset.Id)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return (dataset, versions);
    }

    /// <summary>The version's records with their hashes, in order, read as a stream.</summary>
    public async IAsyncEnumerable<(string Hash, string Json)> HashesAndLinesAsync(
        Guid versionId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.VersionEntries.AsNoTracking().Where(e => e.VersionId == versionId).OrderBy(e => e.Ordinal)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (_, c) => new { c.Hash, c.Json }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken)) yield return (row.Hash, row.Json);
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
    /// One page of a version's records, oldest first or newest first. Without a search a page is a range of
    /// ordinals (they are contiguous), so any page costs the same; a search matches the records' text (case-insensitive
    /// for ASCII) and pages through the matches.
    /// </summary>
    public async Task<RecordPage> PageAsync(DatasetVersion version, int page, int size, string? search, bool newestFirst,
        CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.VersionEntries.AsNoTracking().Where(e => e.VersionId == version.Id)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (e, c) => new { e.Ordinal, c.Hash, c.Json, e.Split });
        if (string.IsNullOrWhiteSpace(search))
        {
            long first = (long)page * size, last = first + size - 1;
            var (low, high) = newestFirst ? (version.RecordCount - 1 - last, version.RecordCount - 1 - first) : (first, last);
            rows = rows.Where(r => r.Ordinal >= low && r.Ordinal <= high);
        }
        else
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(r => EF.Functions.Like(r.Json, pattern, "\\"));
        }
        var total = string.IsNullOrWhiteSpace(search) ? version.RecordCount : await rows.LongCountAsync(cancellationToken);
        var ordered = newestFirst ? rows.OrderByDescending(r => r.Ordinal) : rows.OrderBy(r => r.Ordinal);
        var paged = string.IsNullOrWhiteSpace(search) ? ordered : ordered.Skip(page * size).Take(size);
        var items = await paged.ToListAsync(cancellationToken);
        return new RecordPage(total, [.. items.Select(r => new StoredRecord(r.Ordinal, r.Hash, r.Json, r.Split))]);
    }

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
