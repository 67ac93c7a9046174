using Governance.Data.Datasets;

namespace Governance.Portal.Datasets;

/// <summary>
/// The background work every new version gets, whatever made it (the portal, the API or the CLI on the same
/// database), one version at a time: first its full-text index (so that search is fast soon after an import), then its
/// statistics; then the PII and bias audits people asked for. A version left running by a stopped portal is taken up again. Failures are stored on the version and
/// shown on its page; a database that cannot be reached is tried again shortly.
/// </summary>
internal sealed partial class DatasetVersionJob(RecordSearchIndexer indexer, DatasetStatistics statistics, DatasetPiiAudits audits,
    DatasetBiasAudits biasAudits, DatasetCatalog catalog, ILogger<DatasetVersionJob> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    /// <summary>How long after start the job first looks for work, so that it leaves the first pages the machine.</summary>
    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(StartDelay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await indexer.NextUnindexedAsync(stoppingToken) is { } unindexed)
                {
                    LogIndexed(unindexed, await indexer.IndexAsync(unindexed, stoppingToken));
                    continue;
                }
                if (await statistics.NextPendingAsync(stoppingToken) is { } pending)
                {
                    var run = await statistics.ComputeAsync(await catalog.FindVersionAsync(pending, stoppingToken), stoppingToken);
                    if (run.State == RunState.Failed) LogFailed(pending, run.Error);
                    continue;
                }
                if (await audits.NextPendingAsync(stoppingToken) is { } audit)
                {
                    var run = await audits.ComputeAsync(await catalog.FindVersionAsync(audit, stoppingToken), "", null, stoppingToken);
                    if (run.State == RunState.Failed) LogAuditFailed("PII", audit, run.Error);
                    continue;
                }
                if (await biasAudits.NextPendingAsync(stoppingToken) is { } bias)
                {
                    var run = await biasAudits.ComputeAsync(await catalog.FindVersionAsync(bias, stoppingToken), "", null, stoppingToken);
                    if (run.State == RunState.Failed) LogAuditFailed("Bias", bias, run.Error);
                    continue;
                }
                await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogUnavailable(e);
                await Task.Delay(Idle * 5, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset version {VersionId} is searchable: {Contents} new record contents indexed")]
    private partial void LogIndexed(Guid versionId, long contents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics of dataset version {VersionId} failed: {Error}")]
    private partial void LogFailed(Guid versionId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} audit of dataset version {VersionId} failed: {Error}")]
    private partial void LogAuditFailed(string kind, Guid versionId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dataset version job could not reach the database; it tries again shortly")]
    private partial void LogUnavailable(Exception exception);
}
