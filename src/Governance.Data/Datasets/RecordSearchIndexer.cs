using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Data.Datasets;

/// <summary>
/// Builds the full-text index of a version on SQLite, after the version was made (imports stay at full speed): the
/// contents that no indexed version holds yet go into <see cref="RecordSearchIndex"/>, and the version is marked
/// indexed, in one transaction. Until then a search of that version scans the text with LIKE. On SQL Server, which
/// searches with LIKE, there is nothing to do.
/// </summary>
public sealed class RecordSearchIndexer(IDbContextFactory<GovernanceDbContext> databases, TimeProvider clock)
{
    /// <summary>Whether searches of the version go through the index.</summary>
    public async Task<bool> IsIndexedAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return db.Database.IsSqlite() && await db.SearchIndexedVersions.AnyAsync(v => v.VersionId == versionId, cancellationToken);
    }

    /// <summary>The oldest version not yet indexed; null when all are, or on SQL Server.</summary>
    public async Task<Guid?> NextUnindexedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite()) return null;
        return await db.DatasetVersions.Where(v => !db.SearchIndexedVersions.Any(i => i.VersionId == v.Id))
            .OrderBy(v => v.CreatedUtc).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Indexes the version's new contents; returns how many were added to the index.</summary>
    public async Task<long> IndexAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite() || await db.SearchIndexedVersions.AnyAsync(v => v.VersionId == versionId, cancellationToken)) return 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();

        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = RecordSearchIndex.InsertSql;
        var rowId = insert.CreateParameter();
        rowId.ParameterName = "@rowid";
        var text = insert.CreateParameter();
        text.ParameterName = "@text";
        insert.Parameters.Add(rowId);
        insert.Parameters.Add(text);

        // Contents of this version that no indexed version holds (each once: the set below skips repeats).
        await using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = """
            SELECT c.Hash, c.Json FROM VersionEntries e JOIN RecordContents c ON c.Hash = e.Hash
            WHERE e.VersionId = @version AND NOT EXISTS (SELECT 1 FROM VersionEntries o JOIN SearchIndexedVersions i ON i.VersionId = o.VersionId
                                                         WHERE o.Hash = e.Hash)
            """;
        var version = read.CreateParameter();
        version.ParameterName = "@version";
        version.Value = VersionRows.Key(db, versionId);
        read.Parameters.Add(version);

        var seen = new HashSet<long>();
        await using (var rows = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                var id = RecordSearchIndex.RowId(rows.GetString(0));
                if (!seen.Add(id)) continue;
                rowId.Value = id;
                text.Value = RecordSearchIndex.Text(rows.GetString(1));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        db.SearchIndexedVersions.Add(new SearchIndexedVersion { VersionId = versionId, IndexedUtc = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return seen.Count;
    }
}
