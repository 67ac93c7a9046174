using Governance.Data.Datasets;

namespace Governance.Portal.Datasets;

/// <summary>
/// Computes statistics for every version that has none, one at a time, in the background: whatever made the version
/// (the portal, the API or the CLI on the same database). A version left running by a stopped portal is taken up again.
/// Failures are stored on the version and shown on its page.
/// </summary>
internal sealed partial class StatisticsJob(DatasetStatistics statistics, DatasetCatalog catalog, ILogger<StatisticsJob> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await NextAsync(stoppingToken) is not { } version)
                {
                    await Task.Delay(Idle, stoppingToken);
                    continue;
                }
                var run = await statistics.ComputeAsync(version, stoppingToken);
                if (run.State == StatisticsState.Failed) LogFailed(version.Id, run.Error);
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

    private async Task<Core.Datasets.DatasetVersion?> NextAsync(CancellationToken cancellationToken) =>
        await statistics.NextPendingAsync(cancellationToken) is { } id ? await catalog.FindVersionAsync(id, cancellationToken) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics of dataset version {VersionId} failed: {Error}")]
    private partial void LogFailed(Guid versionId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The statistics job could not reach the database; it tries again shortly")]
    private partial void LogUnavailable(Exception exception);
}
