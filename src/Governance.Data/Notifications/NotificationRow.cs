namespace Governance.Data.Notifications;

/// <summary>An in-app notice for one user: what happened, where to look, when, and whether they have read it.</summary>
public sealed class NotificationRow
{
    /// <summary>The longest title stored; longer ones are cut.</summary>
    public const int MaxTitle = 512;

    public long Id { get; init; }

    /// <summary>The user it is for (user names are never reused: users are deactivated, not deleted).</summary>
    public required string UserName { get; init; }

    public required string Title { get; init; }

    /// <summary>The portal page it concerns, e.g. "/releases/{id}".</summary>
    public required string Link { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>When the user marked it read; null while unread.</summary>
    public DateTimeOffset? ReadUtc { get; set; }
}
