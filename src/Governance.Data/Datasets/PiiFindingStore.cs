using System.Data.Common;
using Governance.Core.Pii;
using Governance.Core.PiiReview;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Data.Datasets;

/// <summary>
/// Stores an audit's findings in batches, one command reused for every row of a batch transaction, as <see cref="RecordStore"/>
/// stores records: the change tracker would be far slower for a large version. Short transactions, so that the audit's
/// progress reports (another connection) are never kept waiting by SQLite's single writer.
/// </summary>
internal sealed class PiiFindingStore(IDbContextFactory<GovernanceDbContext> databases, Guid versionId)
{
    private const int Batch = 5_000;
    private readonly List<(long Ordinal, string Field, PiiFinding Finding)> _pending = [];

    /// <summary>Removes the findings of an earlier audit of the version.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.PiiFindings.Where(f => f.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
    }

    public async ValueTask AddAsync(long ordinal, string field, PiiFinding finding, CancellationToken cancellationToken)
    {
        if (field.Length > PiiFindingKey.MaxField)
            throw new InvalidOperationException($"Record {ordinal + 1} has personal data in a field whose path is longer than {PiiFindingKey.MaxField} characters ({field[..40]}...); shorten the metadata field names.");
        _pending.Add((ordinal, field, finding));
        if (_pending.Count >= Batch) await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "INSERT INTO PiiFindings (VersionId, Ordinal, Field, StartOffset, EndOffset, Type, Score, Recognizer) " +
            "VALUES (@version, @ordinal, @field, @start, @end, @type, @score, @recognizer)";
        var version = Parameter(command, "@version");
        version.Value = VersionRows.Key(db, versionId);
        var (ordinal, field, start, end, type, score, recognizer) = (Parameter(command, "@ordinal"), Parameter(command, "@field"), Parameter(command, "@start"),
            Parameter(command, "@end"), Parameter(command, "@type"), Parameter(command, "@score"), Parameter(command, "@recognizer"));
        foreach (var pending in _pending)
        {
            (ordinal.Value, field.Value, start.Value, end.Value) = (pending.Ordinal, pending.Field, pending.Finding.Start, pending.Finding.End);
            (type.Value, score.Value, recognizer.Value) = (pending.Finding.Type, pending.Finding.Score, pending.Finding.Recognizer);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        _pending.Clear();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
