namespace Governance.Contracts.Releases;

/// <summary>A dataset release was withdrawn: queued training on the version stops and models trained from it are marked.</summary>
/// <param name="ReleaseId">The release revoked.</param>
/// <param name="VersionId">The dataset version no longer released.</param>
/// <param name="ContentHash">The content hash that was released.</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="RevokedUtc">When.</param>
public sealed record DatasetReleaseRevoked(Guid ReleaseId, Guid VersionId, string ContentHash, string RevokedBy, DateTimeOffset RevokedUtc);
