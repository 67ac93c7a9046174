using Governance.Contracts.Releases;
using Governance.Training.Hosting;
using Governance.Training.Releases;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Consumers;

/// <summary>
/// Downloads a newly released dataset version from the portal and keeps it only when it is exactly what was released;
/// otherwise logs both hashes and announces <see cref="DatasetReleaseRejected"/>.
/// </summary>
public sealed class DatasetReleasedConsumer(
    ReleaseDownloader downloader, WorkerIdentity identity, ILogger<DatasetReleasedConsumer> log) : IConsumer<DatasetReleased>
{
    public async Task Consume(ConsumeContext<DatasetReleased> context)
    {
        var released = context.Message;
        var result = await downloader.DownloadAsync(released, context.CancellationToken);
        if (result.StoredPath is { } stored)
        {
            log.LogInformation("Release {Release}: {Dataset} v{Version} verified (SHA-256 {Hash}) and stored at {Path}",
                released.ReleaseId, released.Dataset, released.VersionNumber, result.ActualHash, stored);
            return;
        }
        log.LogError("Release {Release}: refused {Dataset} v{Version}, expected SHA-256 {Expected}, actual {Actual}. {Reason}",
            released.ReleaseId, released.Dataset, released.VersionNumber, released.ContentHash, result.ActualHash ?? "(nothing downloaded)",
            result.Refusal);
        await context.Publish(new DatasetReleaseRejected(released.ReleaseId, released.VersionId, identity.Name,
            released.ContentHash, result.ActualHash, result.Refusal!, DateTimeOffset.UtcNow));
    }
}
