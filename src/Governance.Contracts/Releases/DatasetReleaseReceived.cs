namespace Governance.Contracts.Releases;

/// <summary>
/// A worker downloaded a <see cref="DatasetReleased"/> version, found that its SHA-256 is the released content hash,
/// and stored it: evidence for the release's timeline that the bytes training will use are the bytes approved.
/// </summary>
/// <param name="ReleaseId">The release received.</param>
/// <param name="VersionId">The dataset version received.</param>
/// <param name="VersionNumber">The version's number within its dataset.</param>
/// <param name="WorkerName">The worker that received and verified it.</param>
/// <param name="ContentHash">The SHA-256 the stored bytes hash to (equal to the released hash), lower-case hex.</param>
/// <param name="StoredPath">Where the worker keeps the file, relative to its data folder, with '/' separators.</param>
/// <param name="ReceivedUtc">When the worker verified it.</param>
public sealed record DatasetReleaseReceived(
    Guid ReleaseId, Guid VersionId, int VersionNumber, string WorkerName, string ContentHash, string StoredPath, DateTimeOffset ReceivedUtc);
