using Governance.Core.Datasets;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// The one way audits of a version (<typeparamref name="TRun"/>: PII, bias) are queued, picked up, cancelled and
/// computed: one streaming pass over the version's records, progress stored about once a second, and a cancel request
/// honoured at the next report. What an audit computes is the caller's; the bookkeeping is here.
/// </summary>
internal sealed class AuditRuns<TRun>(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock, Func<Guid, TRun> create)
    where TRun : AuditRun
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    public async Task<TRun?> FindAsync(Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<TRun>().AsNoTracking().SingleOrDefaultAsync(r => r.VersionId == versionId, cancellationToken);
    }

    /// <summary>Queues an audit, replacing a finished one; refused while one is queued or running.</summary>
    public async Task QueueAsync(Guid versionId, string actor, Action<TRun> configure, CancellationToken cancellationToken)
    {
        if ((await FindAsync(versionId, cancellationToken))?.Pending == true)
            throw new RefusedError(Refusal.Conflict, "An audit of this version is already queued or running; wait for it, or cancel it and ask again.");
        await SaveAsync(versionId, run =>
        {
            configure(run);
            (run.State, run.RequestedBy, run.RequestedUtc, run.Json, run.Error, run.FinishedUtc) = (RunState.Queued, actor, clock.GetUtcNow(), null, null, null);
            (run.RecordsDone, run.RecordsTotal, run.CancelRequested) = (0, 0, false);
        }, cancellationToken);
    }

    /// <summary>A queued audit, or one left running by a stopped process; the oldest request first.</summary>
    public async Task<Guid?> NextPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<TRun>().Where(r => r.State == RunState.Queued || r.State == RunState.Running)
            .OrderBy(r => r.RequestedUtc).Select(r => (Guid?)r.VersionId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Cancels a queued audit at once, or asks the running one to stop; refused when none is pending.</summary>
    public async Task<TRun> CancelAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if ((await FindAsync(versionId, cancellationToken))?.Pending != true)
            throw new RefusedError(Refusal.Conflict, "No audit of this version is queued or running, so there is nothing to cancel.");
        return await SaveAsync(versionId, run =>
        {
            if (run.State == RunState.Queued) (run.State, run.FinishedUtc) = (RunState.Cancelled, clock.GetUtcNow());
            else run.CancelRequested = true;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs the audit: <paramref name="start"/> sets what it is computed with, <paramref name="add"/> takes each record,
    /// <paramref name="finish"/> gives the result's JSON. Stores the outcome (succeeded, failed or cancelled) and returns it.
    /// </summary>
    public async Task<TRun> ComputeAsync(DatasetVersion version, string actor, Action<TRun> start, Func<EntryLine, ValueTask> add,
        Func<Task<string>> finish, CancellationToken cancellationToken)
    {
        var started = await SaveAsync(version.Id, run =>
        {
            start(run);
            if (!run.Pending || run.RequestedBy.Length == 0) (run.RequestedBy, run.RequestedUtc, run.CancelRequested) = (actor, clock.GetUtcNow(), false);
            (run.State, run.RecordsDone, run.RecordsTotal, run.Json, run.Error, run.FinishedUtc) = (RunState.Running, 0, version.RecordCount, null, null, null);
        }, cancellationToken);
        long done = 0;
        try
        {
            if (started.CancelRequested) return await EndAsync(version.Id, RunState.Cancelled, done, null, null);
            var reported = clock.GetTimestamp();
            await foreach (var entry in catalog.EntriesAsync(version.Id, cancellationToken))
            {
                await add(entry);
                done++;
                if (clock.GetElapsedTime(reported) < ReportEvery) continue;
                reported = clock.GetTimestamp();
                if (await ReportAsync(version.Id, done, cancellationToken)) return await EndAsync(version.Id, RunState.Cancelled, done, null, null);
            }
            return await EndAsync(version.Id, RunState.Succeeded, done, await finish(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await EndAsync(version.Id, RunState.Failed, done, null, VersionRuns.Error(e));
        }
    }

    /// <summary>Stores how far the run got; true when someone asked it to stop.</summary>
    private async Task<bool> ReportAsync(Guid versionId, long done, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<TRun>().Where(r => r.VersionId == versionId).ExecuteUpdateAsync(r => r.SetProperty(x => x.RecordsDone, done), cancellationToken);
        return await db.Set<TRun>().Where(r => r.VersionId == versionId).Select(r => r.CancelRequested).SingleAsync(cancellationToken);
    }

    private Task<TRun> EndAsync(Guid versionId, RunState state, long done, string? json, string? error) => SaveAsync(versionId, run =>
    {
        (run.State, run.RecordsDone, run.Json, run.Error, run.FinishedUtc) = (state, done, json, error, clock.GetUtcNow());
        run.CancelRequested = false;
    }, CancellationToken.None);

    private Task<TRun> SaveAsync(Guid versionId, Action<TRun> change, CancellationToken cancellationToken) =>
        VersionRuns.SaveAsync(databases, versionId, () => create(versionId), change, cancellationToken);
}
