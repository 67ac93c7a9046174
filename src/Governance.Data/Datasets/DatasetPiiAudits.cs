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
    private readonly AuditRuns<PiiAuditRun> _runs = new(databases, catalog, clock, id => new PiiAuditRun { VersionId = id });

    public Task<PiiAuditRun?> FindAsync(Guid versionId, CancellationToken cancellationToken = default) => _runs.FindAsync(versionId, cancellationToken);

    /// <summary>The summary a run holds, when it succeeded.</summary>
    public static PiiAuditSummary? Read(PiiAuditRun? run) =>
        run is { State: RunState.Succeeded, Json: { } json } ? JsonSerializer.Deserialize<PiiAuditSummary>(json, JsonSerializerOptions.Web) : null;

    /// <summary>Queues an audit of the version at <paramref name="threshold"/>, replacing any finished one.</summary>
    public async Task RequestAsync(Guid versionId, double threshold, string actor, CancellationToken cancellationToken = default)
    {
        new PiiSettings(threshold).Validate();
        await _runs.QueueAsync(versionId, actor, run => run.Threshold = threshold, cancellationToken);
        await new Audit.AuditTrail(databases, clock).AppendAsync(actor, null, $"dataset-version:{versionId}", "pii-audit-requested",
            after: $"threshold {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}", cancellationToken: cancellationToken);
    }

    /// <summary>A queued audit, or one left running by a stopped process.</summary>
    public Task<Guid?> NextPendingAsync(CancellationToken cancellationToken = default) => _runs.NextPendingAsync(cancellationToken);

    /// <summary>Cancels the version's queued audit, or asks its running one to stop.</summary>
    public Task<PiiAuditRun> CancelAsync(Guid versionId, CancellationToken cancellationToken = default) => _runs.CancelAsync(versionId, cancellationToken);

    /// <summary>
    /// Runs the version's audit at its requested threshold (or <paramref name="threshold"/> when none was requested) and
    /// stores the outcome: the summary, and every finding's place for review (<see cref="PiiFindingRow"/>).
    /// </summary>
    public async Task<PiiAuditRun> ComputeAsync(DatasetVersion version, string actor, double? threshold = null, CancellationToken cancellationToken = default)
    {
        var chosen = threshold ?? (await FindAsync(version.Id, cancellationToken))?.Threshold ?? PiiSettings.DefaultThreshold;
        var scanner = new PiiScanner(new PiiSettings(chosen));
        var jsonl = new PiiJsonl(scanner);
        var replayed = new ReplayedFindings();
        var builder = new PiiAuditBuilder(new PiiScanner([replayed], new PiiSettings(chosen)), chosen);
        var store = new PiiFindingStore(databases, version.Id);
        await store.ClearAsync(cancellationToken);
        return await _runs.ComputeAsync(version, actor, run => run.Threshold = chosen, async entry =>
        {
            var fields = jsonl.Strings(entry.Json, entry.Ordinal + 1, $"v{version.Number}");
            replayed.Clear();
            foreach (var (field, text) in fields)
            {
                var findings = scanner.Scan(text);
                replayed.Remember(text, findings);
                foreach (var finding in findings) await store.AddAsync(entry.Ordinal, field, finding, cancellationToken);
            }
            builder.Add(entry.Ordinal + 1, fields);
        }, async () =>
        {
            await store.FlushAsync(cancellationToken);
            return JsonSerializer.Serialize(builder.Build(), JsonSerializerOptions.Web);
        }, cancellationToken);
    }
}
