using Governance.Data.Notifications;
using Governance.Portal.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace Governance.Portal.Components.Layout;

/// <summary>
/// The unread count of the signed-in user's notices in the app bar. It counts again on every navigation, when a page
/// of the same tab marks notices read, and every <see cref="RefreshInterval"/> while the tab stays open.
/// </summary>
public partial class NotificationBell
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    [Inject] private UserNotifications Notices { get; set; } = default!;
    [Inject] private NotificationBadge Badge { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private readonly CancellationTokenSource _closing = new();
    private int _unread;

    protected override async Task OnInitializedAsync()
    {
        await CountAsync();
        if (!RendererInfo.IsInteractive) return;
        Navigation.LocationChanged += OnLocationChanged;
        Badge.Changed += RecountAsync;
        _ = RefreshPeriodicallyAsync();
    }

    private async Task CountAsync()
    {
        var name = (await AuthenticationState).User.Identity?.Name;
        _unread = name is null ? 0 : await Notices.UnreadCountAsync(name, _closing.Token);
    }

    private async Task RecountAsync()
    {
        await CountAsync();
        await InvokeAsync(StateHasChanged);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(RecountAsync);

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token)) await InvokeAsync(RecountAsync);
        }
        catch (OperationCanceledException)
        {
            // The tab closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        Badge.Changed -= RecountAsync;
        await _closing.CancelAsync();
        _closing.Dispose();
    }
}
