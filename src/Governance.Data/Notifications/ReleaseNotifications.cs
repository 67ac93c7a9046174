using Governance.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Notifications;

/// <summary>
/// Adds the notices of a release step to the context that stores the step, so they commit (or roll back) with it.
/// Works for any kind of release: the caller describes the step as a <see cref="ReleaseMove"/>.
/// </summary>
public static class ReleaseNotifications
{
    /// <summary>
    /// Adds a notice about <paramref name="subject"/> (e.g. "the dataset release answers v1"), linking to
    /// <paramref name="link"/>, for every active user <paramref name="move"/> concerns (<see cref="ReleaseAudience"/>).
    /// Nothing is saved here: the caller's SaveChanges stores the notices with the step.
    /// </summary>
    public static async Task AddAsync(GovernanceDbContext db, ReleaseMove move, string subject, string link, DateTimeOffset atUtc,
        CancellationToken cancellationToken = default)
    {
        var roles = move.NextRoles.ToList();
        var holders = (await db.UserRoles
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name })
                .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Role, u.UserName, u.IsActive })
                .Where(x => x.IsActive && roles.Contains(x.Role!))
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.Role!).ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.Select(x => x.UserName!)]);
        var concerned = ReleaseAudience.For(move, holders).ToList();
        var active = await db.Users.Where(u => u.IsActive && concerned.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(cancellationToken);
        var title = ReleaseAudience.Title(move, subject);
        if (title.Length > NotificationRow.MaxTitle) title = title[..(NotificationRow.MaxTitle - 1)] + "…";
        db.Notifications.AddRange(active.Order(StringComparer.Ordinal)
            .Select(user => new NotificationRow { UserName = user, Title = title, Link = link, CreatedUtc = atUtc }));
    }
}
