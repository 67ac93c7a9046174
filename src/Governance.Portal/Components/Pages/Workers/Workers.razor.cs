using Governance.Core.Devices;
using Governance.Core.Workers;
using Governance.Portal.Workers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Governance.Portal.Components.Pages.Workers;

public partial class Workers
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(3);

    [Inject] private WorkerDirectory Directory { get; set; } = default!;
    [Inject] private DeviceChecks Checks { get; set; } = default!;
    [Inject] private WorkerLiveness Liveness { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<WorkerView>? _workers;
    private IReadOnlyList<DeviceCheck> _checks = [];
    private readonly CancellationTokenSource _stop = new();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _ = RefreshPeriodicallyAsync();
    }

    private async Task LoadAsync()
    {
        _workers = await Directory.ListAsync(_stop.Token);
        _checks = await Checks.RecentAsync(10, _stop.Token);
    }

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task RunCheckAsync()
    {
        // The button shows only to those admitted, but the rule is checked here on the server all the same.
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, Core.Security.Policies.RunDeviceChecks)).Succeeded) return;
        await Checks.RequestAsync(user.Identity!.Name!, DeviceChecks.DefaultMatrixSize);
        await LoadAsync();
    }

    private static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
