using Governance.Contracts.Releases;
using Governance.Core.Releases;
using Governance.Data.Releases;

namespace Governance.Portal.Releases;

/// <summary>The messages the portal publishes with release transitions: <see cref="DatasetReleased"/> with a download token, <see cref="DatasetReleaseRevoked"/>.</summary>
public sealed class ReleaseAnnouncer(ReleaseDownloadTokens tokens, ReleaseSettings settings) : IReleaseAnnouncer
{
    /// <summary>Where a worker downloads a released version (the token in the query string).</summary>
    public const string ContentPath = "/api/releases/content/{0}";

    public object? Announce(string action, ReleaseFacts release)
    {
        switch (action)
        {
            case "publish":
                var expires = release.AtUtc + settings.DownloadTokenLifetime;
                return new DatasetReleased(release.ReleaseId, release.VersionId, release.Dataset, release.VersionNumber, release.ContentHash,
                    string.Format(ContentPath, release.VersionId), tokens.Issue(release.ReleaseId, release.VersionId, expires), expires,
                    release.Actor, release.AtUtc);
            case "revoke":
                return new DatasetReleaseRevoked(release.ReleaseId, release.VersionId, release.ContentHash, release.Actor, release.AtUtc);
            default:
                return null;
        }
    }
}
