using Governance.Contracts.Releases;
using Governance.Training.Hosting;
using Governance.Training.Releases;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Consumers;

/// <summary>
/// Downloads a newly released dataset version from the portal and keeps it only when it is exactly what was released,
/// then announces <see cref="DatasetReleaseReceived"/>; otherwise logs both hashes and announces
/// <see cref="DatasetReleaseRejected"/>. A release this worker knows as revoked is refused without downloading.
/// </summary>
public sealed class DatasetReleasedConsumer(
    ReleaseDownloader downloader, RevokedReleases revoked, WorkerIdentity identity, ILogger<DatasetReleasedConsumer> log) : IConsumer<DatasetReleased>
{
    public async Task Consume(ConsumeContext<DatasetReleased> context)
    {
        var released = context.Message;
        if (revoked.IsRevoked(released.ReleaseId))
        {
            await RejectAsync(context, null, $"Release {released.ReleaseId} was revoked; this worker does not download or train on it.");
            return;
        }
        var result = await downloader.DownloadAsync(released, context.CancellationToken);
        if (result.StoredPath is not { } stored)
        {
            await RejectAsync(context, result.ActualHash, result.Refusal!);
            return;
        }
        if (revoked.IsRevoked(released.ReleaseId))
        {
            // Revoked while the download ran: the revocation consumer found nothing to delete yet.
            downloader.Delete(released.ReleaseId);
            await RejectAsync(context, result.ActualHash, $"Release {released.ReleaseId} was revoked during the download; what was downloaded is deleted.");
            return;
        }
        var relative = downloader.RelativeToDataFolder(stored);
        log.LogInformation("Release {Release}: {Dataset} v{Version} verified (SHA-256 {Hash}) and stored at {Path}",
            released.ReleaseId, released.Dataset, released.VersionNumber, result.ActualHash, relative);
        await context.Publish(new DatasetReleaseReceived(released.ReleaseId, released.VersionId, released.VersionNumber, identity.Name,
            result.ActualHash!, relative, DateTimeOffset.UtcNow));
    }

    private async Task RejectAsync(ConsumeContext<DatasetReleased> context, string? actualHash, string reason)
    {
        var released = context.Message;
        log.LogError("Release {Release}: refused {Dataset} v{Version}, expected SHA-256 {Expected}, actual {Actual}. {Reason}",
            released.ReleaseId, released.Dataset, released.VersionNumber, released.ContentHash, actualHash ?? "(nothing downloaded)", reason);
        await context.Publish(new DatasetReleaseRejected(released.ReleaseId, released.VersionId, identity.Name,
            released.ContentHash, actualHash, reason, DateTimeOffset.UtcNow));
    }
}
