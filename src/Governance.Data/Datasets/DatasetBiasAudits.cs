using Governance.Core.Bias;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// Bias audits of versions (<see cref="BiasAuditBuilder"/>): requested by a person with the portal's configuration in
/// force at that moment, which the run keeps, and computed by the portal's background job in one streaming pass.
/// The same version and configuration give the same stored result, byte for byte.
/// </summary>
public sealed class DatasetBiasAudits(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, BiasAuditSettings settings, TimeProvider clock)
{
    private readonly AuditRuns<BiasAuditRun> _runs = new(databases, catalog, clock, id => new BiasAuditRun { VersionId = id });

    public Task<BiasAuditRun?> FindAsync(Guid versionId, CancellationToken cancellationToken = default) => _runs.FindAsync(versionId, cancellationToken);

    /// <summary>The result a run holds, when it succeeded.</summary>
    public static BiasAuditResult? Read(BiasAuditRun? run) => run is { State: RunState.Succeeded, Json: { } json } ? BiasJson.ParseResult(json) : null;

    /// <summary>Queues an audit of the version with the configuration in force now, replacing any finished one.</summary>
    public async Task RequestAsync(Guid versionId, string actor, CancellationToken cancellationToken = default)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        await _runs.QueueAsync(versionId, actor, run => Use(run, current.Configuration), cancellationToken);
        await new Audit.AuditTrail(databases, clock).AppendAsync(actor, null, $"dataset-version:{versionId}", "bias-audit-requested",
            after: $"configuration {current.Hash}", cancellationToken: cancellationToken);
    }

    /// <summary>A queued audit, or one left running by a stopped process.</summary>
    public Task<Guid?> NextPendingAsync(CancellationToken cancellationToken = default) => _runs.NextPendingAsync(cancellationToken);

    /// <summary>Cancels the version's queued audit, or asks its running one to stop.</summary>
    public Task<BiasAuditRun> CancelAsync(Guid versionId, CancellationToken cancellationToken = default) => _runs.CancelAsync(versionId, cancellationToken);

    /// <summary>
    /// Runs the version's audit with the configuration it was requested with, or with <paramref name="configuration"/>
    /// (by default the one in force) when none was requested, and stores the outcome.
    /// </summary>
    public async Task<BiasAuditRun> ComputeAsync(DatasetVersion version, string actor, BiasConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var requested = await FindAsync(version.Id, cancellationToken);
        var chosen = configuration
            ?? (requested is { Pending: true, ConfigurationJson.Length: > 0 } ? BiasConfigurationJson.Parse(requested.ConfigurationJson) : null)
            ?? (await settings.CurrentAsync(cancellationToken)).Configuration;
        var builder = new BiasAuditBuilder(chosen);
        return await _runs.ComputeAsync(version, actor, run => Use(run, chosen), entry =>
        {
            builder.Add(BiasRecord.From(RecordParser.ParseCanonical(entry.Json), chosen.Label));
            return ValueTask.CompletedTask;
        }, () => Task.FromResult(BiasJson.Serialize(builder.Build(), indented: false)), cancellationToken);
    }

    private static void Use(BiasAuditRun run, BiasConfiguration configuration) =>
        (run.ConfigurationJson, run.ConfigurationHash) = (BiasConfigurationJson.Canonical(configuration), BiasConfigurationJson.Hash(configuration));
}
