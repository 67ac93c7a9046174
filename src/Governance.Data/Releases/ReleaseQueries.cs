using Governance.Core.Releases;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Releases;

/// <summary>Reading releases: a list, one with its history, and the inbox of what waits for a user.</summary>
public sealed class ReleaseQueries(IDbContextFactory<GovernanceDbContext> databases)
{
    /// <summary>Every release (of one state, when given) with its dataset and version, newest change first.</summary>
    public async Task<IReadOnlyList<StoredRelease>> ListAsync(DatasetReleaseState? state = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.DatasetReleases.AsNoTracking();
        if (state is not null) rows = rows.Where(r => r.State == state);
        return await LoadAsync(db, await rows.ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>One release; refused as not found, naming the id.</summary>
    public async Task<StoredRelease> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, id, cancellationToken);
    }

    /// <summary>Releases waiting for <paramref name="actor"/>: in review or failed audits, where they may approve or waive now.</summary>
    public async Task<IReadOnlyList<StoredRelease>> InboxAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = await db.DatasetReleases.AsNoTracking()
            .Where(r => r.State == DatasetReleaseState.InReview || r.State == DatasetReleaseState.AuditsFailed).ToListAsync(cancellationToken);
        var loaded = await LoadAsync(db, waiting, cancellationToken);
        return [.. loaded.Where(r => r.Release.ActionsFor(actor).Any(a => a is "approve" or "waive"))];
    }

    /// <summary>
    /// The highest version of the same dataset, below the version <paramref name="versionId"/>, whose release was approved
    /// (and may since have been published or deprecated): what a reviewer diffs against. Null when there is none.
    /// </summary>
    public async Task<int?> PreviousApprovedVersionAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var current = await db.DatasetVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.DatasetId, v.Number }).SingleAsync(cancellationToken);
        return await db.DatasetReleases.AsNoTracking().Where(r => ApprovedStates.Contains(r.State))
            .Join(db.DatasetVersions, r => r.VersionId, v => v.Id, (_, v) => v)
            .Where(v => v.DatasetId == current.DatasetId && v.Number < current.Number)
            .MaxAsync(v => (int?)v.Number, cancellationToken);
    }

    private static readonly DatasetReleaseState[] ApprovedStates =
        [DatasetReleaseState.Approved, DatasetReleaseState.Published, DatasetReleaseState.Deprecated];

    internal static async Task<StoredRelease> FindAsync(GovernanceDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.DatasetReleases.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                  ?? throw new RefusedError(Refusal.NotFound, $"No release has the id {id}; list them at /api/releases.");
        return (await LoadAsync(db, [row], cancellationToken))[0];
    }

    private static async Task<IReadOnlyList<StoredRelease>> LoadAsync(GovernanceDbContext db, IReadOnlyList<DatasetReleaseRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var versionIds = rows.Select(r => r.VersionId).ToList();
        var steps = (await db.ReleaseSteps.AsNoTracking().Where(s => ids.Contains(s.ReleaseId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Id).ToLookup(s => s.ReleaseId);
        var versions = await db.DatasetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Join(db.Datasets, v => v.DatasetId, d => d.Id, (v, d) => new { v.Id, v.Number, d.Name }).ToDictionaryAsync(v => v.Id, cancellationToken);
        return [.. rows.OrderByDescending(r => r.UpdatedUtc)
            .Select(r => StoredRelease.Of(r, versions[r.VersionId].Name, versions[r.VersionId].Number, [.. steps[r.Id]]))];
    }
}
