using System.Text;
using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// Imports a file as a new dataset with its first version, all or nothing: records are written as they are read,
/// inside one transaction that commits only when every line was good. A bad line, a cancellation or a crash leaves
/// no trace of the dataset.
/// </summary>
public sealed class DatasetImporter(IDbContextFactory<GovernanceDbContext> databases, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportAsync(Stream input, ImportRequest request, ImportLimits limits, CancellationToken cancellationToken = default)
    {
        request.Validate();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var name = request.Name.Trim();
        if (await db.Datasets.AnyAsync(d => d.Name == name, cancellationToken))
            throw new ValidationError("name", $"A dataset named '{name}' exists; choose another name or add a version to it.");

        var now = clock.GetUtcNow();
        var dataset = new Dataset
        {
            Id = Guid.NewGuid(), Name = name, Source = request.Source.Trim(), Licence = request.Licence.Trim(),
            CollectionPurpose = request.CollectionPurpose.Trim(), CreatedBy = request.Actor, CreatedUtc = now,
        };
        var versionId = Guid.NewGuid();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Datasets.Add(dataset);
        db.DatasetVersions.Add(Placeholder(versionId, dataset.Id, request, now));
        await db.SaveChangesAsync(cancellationToken);

        using var hasher = new ContentHasher();
        ImportReport report;
        await using (var store = new RecordStore(db, transaction, versionId))
        {
            report = await DatasetFileReader.ReadAsync(input, request.Format, limits, async record =>
            {
                var canonical = CanonicalJson.Serialize(record);
                hasher.AddCanonical(canonical);
                await store.AddAsync(CanonicalJson.LineHash(canonical), Encoding.UTF8.GetString(canonical), store.Count, cancellationToken);
            }, cancellationToken);
        }
        if (!report.Accepted)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new ImportOutcome(report, null, null);
        }
        var contentHash = hasher.Finish();
        await db.DatasetVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(v => v
            .SetProperty(x => x.Shape, report.Shape!.Value)
            .SetProperty(x => x.RecordCount, report.Records)
            .SetProperty(x => x.ContentHash, contentHash), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var version = await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken);
        return new ImportOutcome(report, dataset, version);
    }

    private static DatasetVersion Placeholder(Guid id, Guid datasetId, ImportRequest request, DateTimeOffset now) => new()
    {
        Id = id, DatasetId = datasetId, Number = 1, Operation = "import", CreatedBy = request.Actor, CreatedUtc = now,
        ContentHash = new string('0', 64),
        Parameters = JsonSerializer.Serialize(new { file = request.FileName, format = request.Format.ToString() }),
    };
}
