using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Pii;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// PII audits of versions: requested by a person (portal, API) and computed by the portal's background job, or run
/// at once by the CLI. One streaming pass over the version's canonical records, every string field scanned; the
/// stored summary holds counts and masked excerpts only. The audit of a version made by anonymization is its residual.
/// </summary>
public sealed class DatasetPiiAudits(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    public async Task<PiiAuditRun?> FindAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.PiiAuditRuns.AsNoTracking().SingleOrDefaultAsync(r => r.VersionId == versionId, cancellationToken);
    }

    /// <summary>The summary a run holds, when it succeeded.</summary>
    public static PiiAuditSummary? Read(PiiAuditRun? run) =>
        run is { State: RunState.Succeeded, Json: { } json } ? JsonSerializer.Deserialize<PiiAuditSummary>(json, JsonSerializerOptions.Web) : null;

    /// <summary>Queues an audit of the version at <paramref name="threshold"/>, replacing any earlier one.</summary>
    public async Task RequestAsync(Guid versionId, double threshold, string actor, CancellationToken cancellationToken = default)
    {
        new PiiSettings(threshold).Validate();
        await SaveAsync(versionId, run =>
        {
            (run.State, run.Threshold, run.RequestedBy, run.RequestedUtc, run.Json, run.Error, run.FinishedUtc) =
                (RunState.Queued, threshold, actor, clock.GetUtcNow(), null, null, null);
        }, cancellationToken);
    }

    /// <summary>A queued audit, or one left running by a stopped process.</summary>
    public async Task<Guid?> NextPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.PiiAuditRuns.Where(r => r.State == RunState.Queued || r.State == RunState.Running)
            .OrderBy(r => r.RequestedUtc).Select(r => (Guid?)r.VersionId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Runs the version's audit at its requested threshold (or <paramref name="threshold"/> when none was requested) and stores the outcome.</summary>
    public async Task<PiiAuditRun> ComputeAsync(DatasetVersion version, string actor, double? threshold = null, CancellationToken cancellationToken = default)
    {
        var existing = await FindAsync(version.Id, cancellationToken);
        var chosen = threshold ?? existing?.Threshold ?? PiiSettings.DefaultThreshold;
        await SaveAsync(version.Id, run =>
        {
            (run.State, run.Threshold) = (RunState.Running, chosen);
            if (existing is null) (run.RequestedBy, run.RequestedUtc) = (actor, clock.GetUtcNow());
        }, cancellationToken);
        try
        {
            var jsonl = new PiiJsonl(new PiiScanner(new PiiSettings(chosen)));
            var builder = new PiiAuditBuilder(new PiiScanner(new PiiSettings(chosen)), chosen);
            await foreach (var entry in catalog.EntriesAsync(version.Id, cancellationToken))
                builder.Add(entry.Ordinal + 1, jsonl.Strings(entry.Json, entry.Ordinal + 1, $"v{version.Number}"));
            var json = JsonSerializer.Serialize(builder.Build(), JsonSerializerOptions.Web);
            return await SaveAsync(version.Id, run => (run.State, run.Json, run.Error, run.FinishedUtc) = (RunState.Succeeded, json, null, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await SaveAsync(version.Id, run => (run.State, run.Error, run.FinishedUtc) = (RunState.Failed, VersionRuns.Error(e), clock.GetUtcNow()), CancellationToken.None);
        }
    }

    private Task<PiiAuditRun> SaveAsync(Guid versionId, Action<PiiAuditRun> change, CancellationToken cancellationToken) =>
        VersionRuns.SaveAsync(databases, versionId, () => new PiiAuditRun { VersionId = versionId }, change, cancellationToken);
}
