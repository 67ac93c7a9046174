using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Notifications;

/// <summary>A user's own notices: list, count unread, mark read. Every call is scoped to the user named; nobody reaches another's.</summary>
public sealed class UserNotifications(IDbContextFactory<GovernanceDbContext> databases, TimeProvider clock)
{
    /// <summary>The most notices a list returns.</summary>
    public const int PageSize = 50;

    /// <summary><paramref name="userName"/>'s newest notices (only unread ones when <paramref name="unreadOnly"/>).</summary>
    public async Task<IReadOnlyList<NotificationRow>> ListAsync(string userName, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserName == userName);
        if (unreadOnly) mine = mine.Where(n => n.ReadUtc == null);
        return await mine.OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>How many of <paramref name="userName"/>'s notices are unread.</summary>
    public async Task<int> UnreadCountAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserName == userName && n.ReadUtc == null, cancellationToken);
    }

    /// <summary>Marks notice <paramref name="id"/> read; false when <paramref name="userName"/> has no notice of that id.</summary>
    public async Task<bool> MarkReadAsync(string userName, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserName == userName, cancellationToken);
        if (notice is null) return false;
        notice.ReadUtc ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Marks every unread notice of <paramref name="userName"/> read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserName == userName && n.ReadUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }
}
