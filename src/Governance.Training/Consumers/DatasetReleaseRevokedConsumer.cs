using Governance.Contracts.Releases;
using Governance.Training.Hosting;
using Governance.Training.Releases;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Consumers;

/// <summary>
/// Withdraws a revoked dataset release from this worker: records it in <see cref="RevokedReleases"/> (so no training
/// starts on it and a later <see cref="DatasetReleased"/> for it is refused) and deletes its stored data. Every worker
/// needs every revocation, so each listens on a queue of its own (see the worker host).
/// </summary>
public sealed class DatasetReleaseRevokedConsumer(
    ReleaseDownloader downloader, RevokedReleases revoked, WorkerIdentity identity, ILogger<DatasetReleaseRevokedConsumer> log)
    : IConsumer<DatasetReleaseRevoked>
{
    public Task Consume(ConsumeContext<DatasetReleaseRevoked> context)
    {
        var revocation = context.Message;
        revoked.Record(revocation.ReleaseId);
        var deleted = downloader.Delete(revocation.ReleaseId);
        log.LogWarning("Release {Release} revoked by {By} at {At}: worker {Worker} deleted {Files} stored file(s) and will not train on it",
            revocation.ReleaseId, revocation.RevokedBy, revocation.RevokedUtc, identity.Name, deleted);
        return Task.CompletedTask;
    }
}
