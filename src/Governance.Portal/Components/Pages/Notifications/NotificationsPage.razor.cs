using Governance.Data.Notifications;
using Governance.Portal.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Governance.Portal.Components.Pages.Notifications;

/// <summary>The signed-in user's notices, newest first, with mark-as-read and mark-all-read.</summary>
public partial class NotificationsPage
{
    [Inject] private UserNotifications Notices { get; set; } = default!;
    [Inject] private NotificationBadge Badge { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<NotificationView> _notices = [];

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task<string> UserNameAsync() => (await AuthenticationState).User.Identity?.Name ?? "";

    private async Task LoadAsync() => _notices = [.. (await Notices.ListAsync(await UserNameAsync())).Select(NotificationView.Of)];

    private async Task MarkReadAsync(long id)
    {
        await Notices.MarkReadAsync(await UserNameAsync(), id);
        await LoadAsync();
        await Badge.RaiseAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Notices.MarkAllReadAsync(await UserNameAsync());
        await LoadAsync();
        await Badge.RaiseAsync();
    }
}
