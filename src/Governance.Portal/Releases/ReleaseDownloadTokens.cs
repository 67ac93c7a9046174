using System.Security.Cryptography;
using Governance.Core.Validation;
using Microsoft.AspNetCore.DataProtection;

namespace Governance.Portal.Releases;

/// <summary>
/// Short-lived download tokens for published versions, sealed with ASP.NET Core Data Protection (the portal's key
/// ring): a token names one release and one version and expires; it opens that version's content and nothing else.
/// </summary>
public sealed class ReleaseDownloadTokens(IDataProtectionProvider protection)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Governance.Releases.Download.v1").ToTimeLimitedDataProtector();

    /// <summary>A token for <paramref name="versionId"/> of <paramref name="releaseId"/>, valid until <paramref name="expiresUtc"/>.</summary>
    public string Issue(Guid releaseId, Guid versionId, DateTimeOffset expiresUtc) =>
        _protector.Protect($"{releaseId:N}:{versionId:N}", expiresUtc);

    /// <summary>The release the token was issued for; refused when it is forged, expired or for another version.</summary>
    public Guid ReleaseFor(string? token, Guid versionId)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? throw new RefusedError(Refusal.Forbidden, "Send the token from the DatasetReleased message as ?token=."), out _);
        }
        catch (CryptographicException)
        {
            throw new RefusedError(Refusal.Forbidden, "The download token is expired or not valid; ask for the release to be published again or use a newer message.");
        }
        var parts = payload.Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var bound) || bound != versionId)
            throw new RefusedError(Refusal.Forbidden, "The download token is for another dataset version; use the address in the same message as the token.");
        return Guid.Parse(parts[0]);
    }
}
