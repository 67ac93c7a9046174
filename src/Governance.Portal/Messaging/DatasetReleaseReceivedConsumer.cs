using Governance.Contracts.Releases;
using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Releases;
using MassTransit;

namespace Governance.Portal.Messaging;

/// <summary>
/// Records a worker's receipt of a released version on the release's timeline (and so in the audit trail) as evidence:
/// a step by the worker saying which hash it verified and where it keeps the file. A redelivered receipt is recorded once;
/// one for an unknown release, or for a hash other than the release's, is logged and dropped.
/// </summary>
internal sealed class DatasetReleaseReceivedConsumer(DatasetReleases releases, ReleaseQueries queries, ILogger<DatasetReleaseReceivedConsumer> log)
    : IConsumer<DatasetReleaseReceived>
{
    public async Task Consume(ConsumeContext<DatasetReleaseReceived> context)
    {
        var receipt = context.Message;
        StoredRelease stored;
        try
        {
            stored = await queries.FindAsync(receipt.ReleaseId, context.CancellationToken);
        }
        catch (RefusedError)
        {
            log.LogWarning("Receipt by worker {Worker} for unknown release {Release} ignored", receipt.WorkerName, receipt.ReleaseId);
            return;
        }
        if (!string.Equals(receipt.ContentHash, stored.Release.ContentHash, StringComparison.OrdinalIgnoreCase))
        {
            log.LogError("Receipt by worker {Worker} for release {Release} names SHA-256 {Hash}, not the release's {Released}; not recorded",
                receipt.WorkerName, receipt.ReleaseId, receipt.ContentHash, stored.Release.ContentHash);
            return;
        }
        var evidence = Evidence(receipt);
        if (stored.Steps.Any(s => s.Actor == receipt.WorkerName && s.Comment == evidence)) return;
        await releases.CommentAsync(receipt.ReleaseId, new Actor(receipt.WorkerName, new HashSet<string> { Actor.SystemRole }), evidence, null,
            context.CancellationToken);
    }

    /// <summary>The timeline's words for a receipt.</summary>
    public static string Evidence(DatasetReleaseReceived receipt) =>
        $"Received and verified by worker {receipt.WorkerName} at {receipt.ReceivedUtc:u}: version {receipt.VersionNumber}, " +
        $"SHA-256 {receipt.ContentHash.ToLowerInvariant()} matches the release; stored as {receipt.StoredPath}.";
}
