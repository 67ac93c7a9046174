using System.Security.Claims;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Notifications;

namespace Governance.Portal.Notifications;

/// <summary>
/// The caller's own notices: list, unread count, mark one or all read. Every endpoint works on the signed-in user's
/// name from the cookie, never on a user named in the request, so nobody reads or marks another's notices.
/// </summary>
internal static class NotificationApi
{
    public static void MapNotificationApi(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/notifications").RequireAuthorization(Policies.SignedIn);
        mine.MapGet("", async (bool? unread, UserNotifications notices, ClaimsPrincipal user, CancellationToken ct) =>
            (await notices.ListAsync(Name(user), unread == true, ct)).Select(NotificationView.Of));

        mine.MapGet("/unread-count", async (UserNotifications notices, ClaimsPrincipal user, CancellationToken ct) =>
            new UnreadCount(await notices.UnreadCountAsync(Name(user), ct)));

        mine.MapPost("/{id:long}/read", async (long id, UserNotifications notices, ClaimsPrincipal user, CancellationToken ct) =>
            await notices.MarkReadAsync(Name(user), id, ct)
                ? Results.NoContent()
                : throw new RefusedError(Refusal.NotFound, $"You have no notification {id}; list yours at /api/notifications."));

        mine.MapPost("/read-all", async (UserNotifications notices, ClaimsPrincipal user, CancellationToken ct) =>
            new MarkedRead(await notices.MarkAllReadAsync(Name(user), ct)));
    }

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
