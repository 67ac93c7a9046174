using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// Computes and stores per-version statistics (<see cref="StatisticsBuilder"/>), one streaming pass per version.
/// Every version gets them: the portal's background job picks up versions that have none, and the CLI computes on
/// demand. A failure is stored with its message and shown; it does not stop other versions.
/// </summary>
public sealed class DatasetStatistics(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    /// <summary>The stored run for a version, if any.</summary>
    public async Task<StatisticsRun?> FindAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.StatisticsRuns.AsNoTracking().SingleOrDefaultAsync(r => r.VersionId == versionId, cancellationToken);
    }

    /// <summary>The statistics a run holds, when it succeeded.</summary>
    public static VersionStatistics? Read(StatisticsRun? run) =>
        run is { State: RunState.Succeeded, Json: { } json } ? JsonSerializer.Deserialize<VersionStatistics>(json, JsonSerializerOptions.Web) : null;

    /// <summary>
    /// The next version to compute: one left running by a stopped process, one queued for recomputation, or the
    /// oldest with no run at all. Null when every version has its statistics.
    /// </summary>
    public async Task<Guid?> NextPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = await db.StatisticsRuns.Where(r => r.State == RunState.Queued || r.State == RunState.Running)
            .Select(r => (Guid?)r.VersionId).FirstOrDefaultAsync(cancellationToken);
        return pending ?? await db.DatasetVersions.Where(v => !db.StatisticsRuns.Any(r => r.VersionId == v.Id))
            .OrderBy(v => v.CreatedUtc).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Queues a version for (re)computation.</summary>
    public async Task RequestAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await SaveAsync(versionId, run => (run.State, run.RequestedUtc, run.Error) = (RunState.Queued, clock.GetUtcNow(), null), cancellationToken);
    }

    /// <summary>Computes the version's statistics and stores them, or stores the failure; returns the stored run.</summary>
    public async Task<StatisticsRun> ComputeAsync(DatasetVersion version, CancellationToken cancellationToken = default)
    {
        await SaveAsync(version.Id, run => { run.State = RunState.Running; run.RequestedUtc = clock.GetUtcNow(); }, cancellationToken);
        try
        {
            var builder = new StatisticsBuilder();
            await foreach (var entry in catalog.EntriesAsync(version.Id, cancellationToken))
                builder.Add(Core.Datasets.Import.RecordParser.ParseCanonical(entry.Json), entry.Hash);
            var json = JsonSerializer.Serialize(builder.Build(), JsonSerializerOptions.Web);
            return await SaveAsync(version.Id, run => Finish(run, RunState.Succeeded, json, null), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await SaveAsync(version.Id, run => Finish(run, RunState.Failed, null, VersionRuns.Error(e)), CancellationToken.None);
        }
    }

    private void Finish(StatisticsRun run, RunState state, string? json, string? error)
    {
        run.State = state;
        run.Json = json;
        run.Error = error;
        run.FinishedUtc = clock.GetUtcNow();
    }

    private Task<StatisticsRun> SaveAsync(Guid versionId, Action<StatisticsRun> change, CancellationToken cancellationToken) =>
        VersionRuns.SaveAsync(databases, versionId, () => new StatisticsRun { VersionId = versionId, RequestedUtc = clock.GetUtcNow() }, change, cancellationToken);
}
