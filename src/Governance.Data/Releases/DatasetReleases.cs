using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Releases;

/// <summary>
/// Taking release actions. Every step goes through the Core rules (<see cref="DatasetRelease"/>) on the release
/// replayed from its stored steps; a refused step stores nothing. Submitting runs the audit gate on the version's
/// stored audits; publishing and revoking enqueue their message in the same transaction, and revoking marks the models
/// trained on the release in it too (<see cref="Models.RevokedLineage"/>); each step is appended to the audit trail after commit.
/// </summary>
public sealed class DatasetReleases(
    IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, ReleaseGates gates, IReleaseAnnouncer announcer,
    ReleaseTrail trail, ReleaseSettings settings, TimeProvider clock)
{
    /// <summary>Creates the release of a version and submits it in one go.</summary>
    public async Task<StoredRelease> SubmitAsync(string dataset, int number, Actor actor, string? comment, string? client, CancellationToken cancellationToken = default)
    {
        var (_, version) = await catalog.FindAsync(dataset, number, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.DatasetReleases.AsNoTracking().SingleOrDefaultAsync(r => r.VersionId == version.Id, cancellationToken) is { } existing)
            throw new RefusedError(Refusal.Conflict, $"Version {number} of '{dataset}' already has release {existing.Id} ({existing.State}); act on that one.");
        var now = clock.GetUtcNow();
        var row = new DatasetReleaseRow
        {
            Id = Guid.NewGuid(), VersionId = version.Id, ContentHash = version.ContentHash, RequiredApprovals = settings.RequiredApprovals,
            CreatedBy = actor.Name, CreatedUtc = now, UpdatedUtc = now,
        };
        var created = new ReleaseStep(ReleaseStep.ChangeContent, actor.Name, [.. actor.Roles], now, ContentHash: version.ContentHash);
        var release = new StoredRelease(row, dataset, number, [], new DatasetRelease(version.ContentHash, row.RequiredApprovals));
        var taken = new ReleaseTransaction(release);
        taken.Apply(created);
        taken.Apply(new ReleaseStep("submit", actor.Name, [.. actor.Roles], now, comment));
        await RunGateAsync(taken, now, cancellationToken);
        db.DatasetReleases.Add(row);
        return await CommitAsync(db, taken, client, cancellationToken);
    }

    /// <summary>Takes <paramref name="action"/> as <paramref name="actor"/>; a resubmission runs the audit gate again.</summary>
    public async Task<StoredRelease> ActAsync(Guid id, string action, Actor actor, string? comment, string? audit, string? client, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = new ReleaseTransaction(await ReleaseQueries.FindAsync(db, id, cancellationToken));
        var now = clock.GetUtcNow();
        taken.Apply(new ReleaseStep(action, actor.Name, [.. actor.Roles], now, comment, audit?.Trim().ToLowerInvariant()));
        if (action == "submit") await RunGateAsync(taken, now, cancellationToken);
        return await CommitAsync(db, taken, client, cancellationToken);
    }

    /// <summary>A comment on its own, kept in the timeline and the audit trail.</summary>
    public async Task<StoredRelease> CommentAsync(Guid id, Actor actor, string comment, string? client, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new ValidationError("comment", "Write the comment.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = new ReleaseTransaction(await ReleaseQueries.FindAsync(db, id, cancellationToken));
        taken.Apply(new ReleaseStep(ReleaseStep.CommentOnly, actor.Name, [.. actor.Roles], clock.GetUtcNow(), comment.Trim()));
        return await CommitAsync(db, taken, client, cancellationToken);
    }

    /// <summary>
    /// Points the release at another version of the same dataset (only while it is a draft, has changes requested or
    /// failed its audits): approvals, audit results and waivers of the old content are void.
    /// </summary>
    public async Task<StoredRelease> ChangeVersionAsync(Guid id, int number, Actor actor, string? client, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stored = await ReleaseQueries.FindAsync(db, id, cancellationToken);
        var (_, version) = await catalog.FindAsync(stored.Dataset, number, cancellationToken);
        if (version.Id != stored.Row.VersionId && await db.DatasetReleases.AnyAsync(r => r.VersionId == version.Id, cancellationToken))
            throw new RefusedError(Refusal.Conflict, $"Version {number} of '{stored.Dataset}' has a release of its own; act on that one.");
        var taken = new ReleaseTransaction(stored);
        taken.Apply(new ReleaseStep(ReleaseStep.ChangeContent, actor.Name, [.. actor.Roles], clock.GetUtcNow(), $"version {stored.VersionNumber} → {number}",
            ContentHash: version.ContentHash));
        (stored.Row.VersionId, taken.VersionNumber) = (version.Id, number);
        return await CommitAsync(db, taken, client, cancellationToken);
    }

    private async Task RunGateAsync(ReleaseTransaction taken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        taken.Apply(new ReleaseStep("start-audits", Actor.System.Name, [.. Actor.System.Roles], now));
        var gate = await gates.EvaluateAsync(taken.Stored.Row.VersionId, cancellationToken);
        var outcome = taken.Stored.Release.AuditsAction(gate.PiiClean, gate.BiasPassing);
        taken.Apply(new ReleaseStep(outcome, Actor.System.Name, [.. Actor.System.Roles], now, gate.Problems.Count == 0 ? null : string.Join(" ", gate.Problems),
            PiiClean: gate.PiiClean, BiasPassing: gate.BiasPassing));
    }

    private async Task<StoredRelease> CommitAsync(GovernanceDbContext db, ReleaseTransaction taken, string? client, CancellationToken cancellationToken)
    {
        var (row, release) = (taken.Stored.Row, taken.Stored.Release);
        (row.State, row.ContentHash, row.SubmittedBy, row.UpdatedUtc) = (release.State, release.ContentHash, release.SubmittedBy, clock.GetUtcNow());
        row.Revision++;
        db.ReleaseSteps.AddRange(taken.Rows);
        foreach (var step in taken.Rows.Where(s => s.StateAfter != s.StateBefore))
            if (announcer.Announce(step.Action, new ReleaseFacts(row.Id, row.VersionId, taken.Stored.Dataset, taken.VersionNumber, row.ContentHash, step.Actor, step.AtUtc)) is { } message)
                db.Enqueue(message);
        await DatasetReleaseNotices.AddAsync(db, taken, cancellationToken);
        foreach (var revocation in taken.Rows.Where(s => s.StateAfter == DatasetReleaseState.Revoked && s.StateBefore != DatasetReleaseState.Revoked))
            taken.Trail.AddRange(await Models.RevokedLineage.MarkAsync(db, revocation, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RefusedError(Refusal.Conflict, "Someone else acted on this release (or released this version) at the same moment; reload it and try again.");
        }
        await trail.AppendAsync(taken.Trail, client, cancellationToken);
        return await new ReleaseQueries(databases).FindAsync(row.Id, cancellationToken);
    }
}
