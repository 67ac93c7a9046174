using System.Text.Json;
using Governance.Core.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>Rows of derived versions: the version itself, numbered after the dataset's newest, and copied entries.</summary>
internal static class VersionRows
{
    /// <summary>A version id as a raw SQL parameter: EF stores Guids in SQLite as upper-case text, and a raw parameter must match it.</summary>
    public static object Key(GovernanceDbContext db, Guid versionId) => db.Database.IsSqlite() ? versionId.ToString().ToUpperInvariant() : versionId;

    /// <summary>
    /// Copies every entry of <paramref name="from"/> to <paramref name="to"/>, pointing the one at <paramref name="ordinal"/>
    /// at the content <paramref name="hash"/> of <paramref name="length"/> characters.
    /// </summary>
    public static Task CopyEntriesAsync(GovernanceDbContext db, Guid from, Guid to, long ordinal, string hash, int length, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO VersionEntries (VersionId, Ordinal, RecordKey, Hash, Length, Split) " +
            "SELECT {0}, Ordinal, RecordKey, CASE WHEN Ordinal = {1} THEN {2} ELSE Hash END, CASE WHEN Ordinal = {1} THEN {3} ELSE Length END, Split " +
            "FROM VersionEntries WHERE VersionId = {4}",
            [Key(db, to), ordinal, hash, length, Key(db, from)], cancellationToken);

    public static async Task<DatasetVersion> AddDerivedAsync(GovernanceDbContext db, DatasetVersion parent, string operation,
        object parameters, long recordCount, string contentHash, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = await db.DatasetVersions.Where(v => v.DatasetId == parent.DatasetId).MaxAsync(v => v.Number, cancellationToken) + 1;
        var version = new DatasetVersion
        {
            Id = Guid.NewGuid(), DatasetId = parent.DatasetId, Number = next, ParentId = parent.Id, Operation = operation,
            Parameters = JsonSerializer.Serialize(parameters, JsonSerializerOptions.Web), Shape = parent.Shape,
            RecordCount = recordCount, ContentHash = contentHash, CreatedBy = actor, CreatedUtc = now,
        };
        db.DatasetVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
