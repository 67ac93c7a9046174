namespace Governance.Contracts.Releases;

/// <summary>
/// A worker refused a <see cref="DatasetReleased"/> version: the bytes it downloaded do not hash to the released
/// content hash, or the portal would not hand them out. Nothing was stored, and the worker does not train on it.
/// </summary>
/// <param name="ReleaseId">The release refused.</param>
/// <param name="VersionId">The dataset version refused.</param>
/// <param name="WorkerName">The worker that refused it.</param>
/// <param name="ExpectedHash">The content hash the release announced.</param>
/// <param name="ActualHash">What the downloaded bytes hash to; null when nothing was downloaded.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
/// <param name="RejectedUtc">When.</param>
public sealed record DatasetReleaseRejected(
    Guid ReleaseId, Guid VersionId, string WorkerName, string ExpectedHash, string? ActualHash, string Reason, DateTimeOffset RejectedUtc);
