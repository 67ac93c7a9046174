using Governance.Data.Audit;

namespace Governance.Portal.Api;

internal static class TrailRecording
{
    /// <summary>Appends what the signed-in caller of <paramref name="http"/> did, from their client address.</summary>
    public static Task RecordAsync(this AuditTrail trail, HttpContext http, string entity, string action, string? after = null) =>
        trail.AppendAsync(http.User.Identity?.Name ?? "anonymous", http.Connection.RemoteIpAddress?.ToString(), entity, action, after: after,
            cancellationToken: http.RequestAborted);
}
