using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>How a record differs between two versions.</summary>
public enum ChangeKind
{
    /// <summary>In the newer version only.</summary>
    Added,

    /// <summary>In the older version only.</summary>
    Removed,

    /// <summary>In both, with different content.</summary>
    Changed,
}

/// <summary>One differing record: its key and its 0-based place in each version that holds it.</summary>
public sealed record DiffEntry(ChangeKind Kind, long Key, long? FromOrdinal, long? ToOrdinal);

/// <summary>
/// The difference between two versions of a dataset: counts, and every differing record in the order of the newer
/// version (removed ones after, in the order of the older).
/// </summary>
public sealed record VersionDiff(int From, int To, long Added, long Removed, long Changed, long Unchanged, IReadOnlyList<DiffEntry> Entries);

/// <summary>A differing record with its canonical JSON in each version that holds it.</summary>
public sealed record DiffItem(DiffEntry Entry, string? FromJson, string? ToJson);

/// <summary>
/// Compares two versions by record key (a record keeps its key through preprocessing, splits and edits): a key in
/// the newer version only is added, in the older only removed, in both with another content hash changed. Reads
/// keys and hashes only, holding about 50 bytes per record of the older version.
/// </summary>
public sealed class DatasetDiffer(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog)
{
    public async Task<VersionDiff> DiffAsync(string name, int from, int to, CancellationToken cancellationToken = default)
    {
        if (from == to) throw new ValidationError("to", "Choose two different versions to compare.");
        var (_, older) = await catalog.FindAsync(name, from, cancellationToken);
        var (_, newer) = await catalog.FindAsync(name, to, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);

        var before = new Dictionary<long, (long Ordinal, UInt128 Hash)>((int)Math.Min(older.RecordCount, int.MaxValue));
        await foreach (var e in Keys(db, older.Id).WithCancellation(cancellationToken)) before.TryAdd(e.RecordKey, (e.Ordinal, Prefix(e.Hash)));

        var entries = new List<DiffEntry>();
        long added = 0, changed = 0, unchanged = 0;
        await foreach (var e in Keys(db, newer.Id).WithCancellation(cancellationToken))
        {
            if (!before.Remove(e.RecordKey, out var old)) { added++; entries.Add(new DiffEntry(ChangeKind.Added, e.RecordKey, null, e.Ordinal)); }
            else if (old.Hash != Prefix(e.Hash)) { changed++; entries.Add(new DiffEntry(ChangeKind.Changed, e.RecordKey, old.Ordinal, e.Ordinal)); }
            else unchanged++;
        }
        entries.AddRange(before.OrderBy(b => b.Value.Ordinal).Select(b => new DiffEntry(ChangeKind.Removed, b.Key, b.Value.Ordinal, null)));
        return new VersionDiff(from, to, added, before.Count, changed, unchanged, entries);
    }

    /// <summary>One page of a diff's records (of one kind, when given), with their content in each version.</summary>
    public async Task<(long Total, IReadOnlyList<DiffItem> Items)> PageAsync(string name, VersionDiff diff, ChangeKind? kind, int page, int size,
        CancellationToken cancellationToken = default)
    {
        var (_, older) = await catalog.FindAsync(name, diff.From, cancellationToken);
        var (_, newer) = await catalog.FindAsync(name, diff.To, cancellationToken);
        var matching = kind is null ? diff.Entries : [.. diff.Entries.Where(e => e.Kind == kind)];
        var slice = matching.Skip(page * size).Take(size).ToList();
        var fromJson = await JsonAtAsync(older.Id, slice.Where(e => e.FromOrdinal is not null).Select(e => e.FromOrdinal!.Value), cancellationToken);
        var toJson = await JsonAtAsync(newer.Id, slice.Where(e => e.ToOrdinal is not null).Select(e => e.ToOrdinal!.Value), cancellationToken);
        return (matching.Count, [.. slice.Select(e => new DiffItem(e,
            e.FromOrdinal is { } f ? fromJson[f] : null, e.ToOrdinal is { } t ? toJson[t] : null))]);
    }

    private async Task<Dictionary<long, string>> JsonAtAsync(Guid versionId, IEnumerable<long> ordinals, CancellationToken cancellationToken)
    {
        var wanted = ordinals.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.VersionEntries.AsNoTracking().Where(e => e.VersionId == versionId && wanted.Contains(e.Ordinal))
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (e, c) => new { e.Ordinal, c.Json })
            .ToDictionaryAsync(r => r.Ordinal, r => r.Json, cancellationToken);
    }

    private static IAsyncEnumerable<KeyRow> Keys(GovernanceDbContext db, Guid versionId) =>
        db.VersionEntries.AsNoTracking().Where(e => e.VersionId == versionId).OrderBy(e => e.Ordinal)
            .Select(e => new KeyRow { Ordinal = e.Ordinal, RecordKey = e.RecordKey, Hash = e.Hash }).AsAsyncEnumerable();

    private static UInt128 Prefix(string hash) => UInt128.Parse(hash.AsSpan(0, 32), System.Globalization.NumberStyles.HexNumber);

    private sealed class KeyRow
    {
        public long Ordinal { get; init; }
        public long RecordKey { get; init; }
        public required string Hash { get; init; }
    }
}
