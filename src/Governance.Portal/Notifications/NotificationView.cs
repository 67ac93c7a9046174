using Governance.Data.Notifications;

namespace Governance.Portal.Notifications;

/// <summary>A notice as the API and the pages show it.</summary>
public sealed record NotificationView(long Id, string Title, string Link, DateTimeOffset CreatedUtc, bool Read)
{
    public static NotificationView Of(NotificationRow row) => new(row.Id, row.Title, row.Link, row.CreatedUtc, row.ReadUtc is not null);
}

/// <summary>How many notices the caller has not read.</summary>
public sealed record UnreadCount(int Count);

/// <summary>How many notices a "mark all read" marked.</summary>
public sealed record MarkedRead(int Marked);
