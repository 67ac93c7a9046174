using Governance.Core.Models;
using Governance.Core.Releases;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>
/// The lineage of a registration: each named dataset release must exist and be Published, and the content hash the
/// trainer saw (when given) must be the published one; a refusal names the field (<c>trainedOn[i].releaseId</c> or
/// <c>trainedOn[i].contentHash</c>).
/// </summary>
internal static class PublishedLineage
{
    public static async Task<IReadOnlyList<DatasetLineage>> ResolveAsync(GovernanceDbContext db, IReadOnlyList<TrainedOnRelease> trainedOn, CancellationToken cancellationToken)
    {
        var ids = trainedOn.Select(t => t.ReleaseId).ToList();
        var releases = await db.DatasetReleases.Where(r => ids.Contains(r.Id))
            .Join(db.DatasetVersions, r => r.VersionId, v => v.Id, (r, v) => new { Row = r, v.Number, v.DatasetId })
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new { r.Row, r.Row.Id, r.Row.State, r.Row.ContentHash, r.Number, d.Name })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        // A revocation committing between this check and the registration would leave the new model unmarked: touching
        // each release's concurrency token makes one of the two fail instead.
        foreach (var release in releases.Values) release.Row.Revision++;
        return [.. trainedOn.Select((t, i) =>
        {
            if (!releases.TryGetValue(t.ReleaseId, out var release))
                throw new ValidationError($"trainedOn[{i}].releaseId", $"No dataset release has the id {t.ReleaseId}; list them at /api/releases?state=Published.");
            if (release.State != DatasetReleaseState.Published)
                throw new ValidationError($"trainedOn[{i}].releaseId",
                    $"Release {t.ReleaseId} ({release.Name} v{release.Number}) is {release.State}, not Published: a model may be registered only on published data.");
            if (t.ContentHash is not null && t.ContentHash != release.ContentHash)
                throw new ValidationError($"trainedOn[{i}].contentHash",
                    $"Release {t.ReleaseId} published content {release.ContentHash}, not {t.ContentHash}: train on the published bytes and register again.");
            return new DatasetLineage(t.ReleaseId, release.Name, release.Number, release.ContentHash);
        })];
    }
}
