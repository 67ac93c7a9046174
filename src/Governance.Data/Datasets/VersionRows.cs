using System.Text.Json;
using Governance.Core.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>Adds the row of a version derived from <c>parent</c>, numbered after the dataset's newest.</summary>
internal static class VersionRows
{
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
