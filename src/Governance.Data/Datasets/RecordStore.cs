using System.Data.Common;
using Governance.Core.Datasets.Splits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Data.Datasets;

/// <summary>
/// Appends records to a version through prepared commands on the context's connection and transaction: contents are
/// stored once by hash, entries in order. EF's change tracker would be two orders of magnitude slower at a million
/// rows. Full-text indexing happens afterwards, in the background (<see cref="RecordSearchIndexer"/>).
/// </summary>
internal sealed class RecordStore : IAsyncDisposable
{
    private readonly DbCommand _content;
    private readonly DbCommand _entry;
    private readonly DbCommand? _restoreCache;
    private long _ordinal;

    public RecordStore(GovernanceDbContext db, IDbContextTransaction transaction, Guid versionId)
    {
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();
        if (sqlite)
        {
            // Hash keys arrive in random order: with SQLite's default 2 MB page cache, a million of them thrash the index.
            // 128 MiB for this connection while the import runs; DisposeAsync gives the pooled connection its default back.
            _restoreCache = Command(connection, tx, "PRAGMA cache_size = -2000");
            using var cache = Command(connection, tx, "PRAGMA cache_size = -131072");
            cache.ExecuteNonQuery();
        }
        _content = Command(connection, tx, sqlite
            ? "INSERT OR IGNORE INTO RecordContents (Hash, Json) VALUES (@hash, @json)"
            : "INSERT INTO RecordContents (Hash, Json) SELECT @hash, @json WHERE NOT EXISTS " +
              "(SELECT 1 FROM RecordContents WITH (UPDLOCK, HOLDLOCK) WHERE Hash = @hash)", "@hash", "@json");
        _entry = Command(connection, tx,
            "INSERT INTO VersionEntries (VersionId, Ordinal, RecordKey, Hash, Length, Split) VALUES (@version, @ordinal, @key, @hash, @length, @split)",
            "@version", "@ordinal", "@key", "@hash", "@length", "@split");
        _entry.Parameters["@split"].Value = DBNull.Value;
        _entry.Parameters["@version"].Value = VersionRows.Key(db, versionId);
        _content.Prepare();
        _entry.Prepare();
    }

    public long Count => _ordinal;

    /// <summary>Stores a record's content (once) and appends it to the version under <paramref name="key"/>, its identity across versions.</summary>
    public async Task AddAsync(string hash, string json, long key, CancellationToken cancellationToken)
    {
        await StoreContentAsync(hash, json, cancellationToken);
        await AppendAsync(hash, json.Length, key, null, cancellationToken);
    }

    /// <summary>Stores a record's content once.</summary>
    public async Task StoreContentAsync(string hash, string json, CancellationToken cancellationToken)
    {
        _content.Parameters["@hash"].Value = hash;
        _content.Parameters["@json"].Value = json;
        await _content.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Appends a record whose content is already stored, with its JSON length, key and split if any.</summary>
    public async Task AppendAsync(string hash, int length, long key, Split? split, CancellationToken cancellationToken)
    {
        _entry.Parameters["@ordinal"].Value = _ordinal++;
        _entry.Parameters["@key"].Value = key;
        _entry.Parameters["@hash"].Value = hash;
        _entry.Parameters["@length"].Value = length;
        _entry.Parameters["@split"].Value = split is { } s ? s.ToString() : DBNull.Value;
        await _entry.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = "";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_restoreCache is not null)
        {
            await _restoreCache.ExecuteNonQueryAsync();
            await _restoreCache.DisposeAsync();
        }
        await _content.DisposeAsync();
        await _entry.DisposeAsync();
    }
}
