namespace Governance.Contracts.Releases;

/// <summary>
/// A dataset release was published: training may use exactly this version. A worker downloads the version's canonical
/// JSONL from <paramref name="DownloadPath"/> (relative to the portal's address) with <paramref name="DownloadToken"/>
/// before <paramref name="TokenExpiresUtc"/>, and refuses the bytes unless their SHA-256 is <paramref name="ContentHash"/>.
/// </summary>
/// <param name="ReleaseId">The release published.</param>
/// <param name="VersionId">The dataset version released.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="VersionNumber">The version's number within the dataset.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical JSONL, lower-case hex.</param>
/// <param name="DownloadPath">Where the worker downloads the version, e.g. "/api/releases/content/{versionId}".</param>
/// <param name="DownloadToken">Valid for this version only, until <paramref name="TokenExpiresUtc"/>; sent as the query parameter "token".</param>
/// <param name="TokenExpiresUtc">When the token stops working.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedUtc">When.</param>
public sealed record DatasetReleased(
    Guid ReleaseId, Guid VersionId, string Dataset, int VersionNumber, string ContentHash, string DownloadPath, string DownloadToken,
    DateTimeOffset TokenExpiresUtc, string PublishedBy, DateTimeOffset PublishedUtc);
