using Governance.Core.Releases;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>Reading the model registry: every version, one with its lineage and release, and the approvals inbox.</summary>
public sealed class ModelQueries(IDbContextFactory<GovernanceDbContext> databases)
{
    /// <summary>Every registered version, newest change of its release first.</summary>
    public async Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, await db.ModelVersions.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>One version; refused as not found, naming the id.</summary>
    public async Task<StoredModel> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, id, cancellationToken);
    }

    /// <summary>The version a release releases; refused as not found, naming the release id.</summary>
    public async Task<StoredModel> FindByReleaseAsync(Guid releaseId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await FindByReleaseAsync(db, releaseId, cancellationToken);
    }

    /// <summary>Model releases in review that <paramref name="actor"/> may approve now.</summary>
    public async Task<IReadOnlyList<StoredModel>> InboxAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = await db.ModelReleases.AsNoTracking().Where(r => r.State == ModelReleaseState.InReview).Select(r => r.ModelVersionId).ToListAsync(cancellationToken);
        var versions = await db.ModelVersions.AsNoTracking().Where(v => waiting.Contains(v.Id)).ToListAsync(cancellationToken);
        return [.. (await LoadAsync(db, versions, cancellationToken)).Where(m => m.Release.ActionsFor(actor).Contains("approve"))];
    }

    /// <summary>One version, tracked by <paramref name="db"/> so that a change to it can be saved.</summary>
    internal static async Task<StoredModel> FindAsync(GovernanceDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var version = await db.ModelVersions.SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
                      ?? throw new RefusedError(Refusal.NotFound, $"No model version has the id {id}; list them at /api/models.");
        return (await LoadAsync(db, [version], cancellationToken))[0];
    }

    internal static async Task<StoredModel> FindByReleaseAsync(GovernanceDbContext db, Guid releaseId, CancellationToken cancellationToken)
    {
        var versionId = await db.ModelReleases.Where(r => r.Id == releaseId).Select(r => (Guid?)r.ModelVersionId).SingleOrDefaultAsync(cancellationToken)
                        ?? throw new RefusedError(Refusal.NotFound, $"No model release has the id {releaseId}; list them at /api/model-releases.");
        return await FindAsync(db, versionId, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredModel>> LoadAsync(GovernanceDbContext db, IReadOnlyList<ModelVersionRow> versions, CancellationToken cancellationToken)
    {
        var ids = versions.Select(v => v.Id).ToList();
        var releases = await db.ModelReleases.Where(r => ids.Contains(r.ModelVersionId)).ToDictionaryAsync(r => r.ModelVersionId, cancellationToken);
        var releaseIds = releases.Values.Select(r => r.Id).ToList();
        var steps = (await db.ModelReleaseSteps.AsNoTracking().Where(s => releaseIds.Contains(s.ReleaseId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Id).ToLookup(s => s.ReleaseId);
        var lineage = (await db.ModelLineage.AsNoTracking().Where(l => ids.Contains(l.ModelVersionId)).ToListAsync(cancellationToken))
            .OrderBy(l => l.Id).ToLookup(l => l.ModelVersionId);
        return [.. versions.Select(v => StoredModel.Of(v, [.. lineage[v.Id].Select(l => l.ToLineage())], releases[v.Id], [.. steps[releases[v.Id].Id]]))
            .OrderByDescending(m => m.ReleaseRow.UpdatedUtc)];
    }
}
