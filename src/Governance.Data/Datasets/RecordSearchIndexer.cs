using System.Data.Common;
using System.Globalization;
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

        // FTS5 keeps a transaction's new entries in memory only while rowids ascend; a smaller rowid flushes a segment.
        // Rowids follow the hash, so the contents are indexed in hash order: first the hashes (32 bytes each), sorted.
        await using (var cache = Command(connection, tx, "PRAGMA cache_size = -131072")) await cache.ExecuteNonQueryAsync(cancellationToken);
        var hashes = new List<(UInt128 High, UInt128 Low)>();
        await using (var read = Command(connection, tx, """
            SELECT e.Hash FROM VersionEntries e
            WHERE e.VersionId = @version AND NOT EXISTS (SELECT 1 FROM VersionEntries o JOIN SearchIndexedVersions i ON i.VersionId = o.VersionId
                                                         WHERE o.Hash = e.Hash)
            """, ("@version", VersionRows.Key(db, versionId))))
        await using (var rows = await read.ExecuteReaderAsync(cancellationToken))
            while (await rows.ReadAsync(cancellationToken)) hashes.Add(Split(rows.GetString(0)));
        hashes.Sort();

        await using var content = Command(connection, tx, "SELECT Json FROM RecordContents WHERE Hash = @hash", ("@hash", ""));
        await using var insert = Command(connection, tx, RecordSearchIndex.InsertSql, ("@rowid", 0L), ("@text", ""));
        long added = 0;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (i > 0 && hashes[i] == hashes[i - 1]) continue;
            var hash = Join(hashes[i]);
            content.Parameters["@hash"].Value = hash;
            insert.Parameters["@rowid"].Value = RecordSearchIndex.RowId(hash);
            insert.Parameters["@text"].Value = RecordSearchIndex.Text((string)(await content.ExecuteScalarAsync(cancellationToken))!);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            added++;
        }
        db.SearchIndexedVersions.Add(new SearchIndexedVersion { VersionId = versionId, IndexedUtc = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await using (var cache = Command(connection, null!, "PRAGMA cache_size = -2000")) await cache.ExecuteNonQueryAsync(CancellationToken.None);
        return added;
    }

    private static (UInt128, UInt128) Split(string hash) =>
        (UInt128.Parse(hash.AsSpan(0, 32), NumberStyles.HexNumber), UInt128.Parse(hash.AsSpan(32, 32), NumberStyles.HexNumber));

    private static string Join((UInt128 High, UInt128 Low) hash) => $"{hash.High:x32}{hash.Low:x32}";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }
}
