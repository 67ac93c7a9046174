using System.Text.Json;
using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>
/// Marks every model version trained on a dataset release as "trained on revoked data" when that release is revoked:
/// the revocation's time, actor and comment are copied to the lineage, in the revocation's own transaction, so no
/// model is ever left unmarked. The model release gate then blocks submitting, approving and deploying such a model.
/// </summary>
internal static class RevokedLineage
{
    /// <summary>Marks (tracked by <paramref name="db"/>, saved with the revocation) and returns the trail entries of the models marked.</summary>
    public static async Task<IReadOnlyList<TrailEntry>> MarkAsync(GovernanceDbContext db, ReleaseStepRow revocation, CancellationToken cancellationToken)
    {
        var marked = await db.ModelLineage.Where(l => l.DatasetReleaseId == revocation.ReleaseId && l.RevokedUtc == null).ToListAsync(cancellationToken);
        foreach (var lineage in marked)
            (lineage.RevokedUtc, lineage.RevokedBy, lineage.RevocationComment) = (revocation.AtUtc, revocation.Actor, revocation.Comment);
        return [.. marked.Select(l => new TrailEntry(revocation.Actor, $"model:{l.ModelVersionId}", "model-trained-on-revoked-data",
            JsonSerializer.Serialize(new { revoked = false }), JsonSerializer.Serialize(new { revoked = true, datasetRelease = l.DatasetReleaseId })))];
    }
}
