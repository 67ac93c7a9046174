namespace Governance.Portal.Notifications;

/// <summary>
/// Tells the bell of one browser tab (one circuit) that the user read notices on a page of the same tab, so the count
/// drops at once instead of at the next refresh.
/// </summary>
public sealed class NotificationBadge
{
    /// <summary>Raised after notices were marked read.</summary>
    public event Func<Task>? Changed;

    /// <summary>Asks every listener to count again.</summary>
    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
