using Governance.Core.Bias;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Governance.Portal.Components.Pages.Datasets;

/// <summary>The Bias tab: the configuration, a run with its progress and cancel, and the findings per axis.</summary>
public sealed partial class DatasetBiasPanel : IDisposable
{
    [Parameter, EditorRequired] public Core.Datasets.DatasetVersion Version { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private DatasetBiasAudits Audits { get; set; } = default!;

    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    private BiasAuditRun? _run;
    private BiasAuditResult? _result;
    private string? _message;
    private readonly CancellationTokenSource _stop = new();
    private Guid _watching;

    private double Percent => _run is { RecordsTotal: > 0 } run ? 100.0 * run.RecordsDone / run.RecordsTotal : 0;

    protected override async Task OnParametersSetAsync()
    {
        if (_watching == Version.Id) return;
        _watching = Version.Id;
        await RefreshAsync();
        if (_run?.Pending == true) _ = WatchAsync(Version.Id);
    }

    private Task RequestAsync() => ActAsync(actor => Audits.RequestAsync(Version.Id, actor, _stop.Token), follow: true);

    // The page already follows the run it cancels.
    private Task CancelAsync() => ActAsync(_ => Audits.CancelAsync(Version.Id, _stop.Token), follow: false);

    /// <summary>Checks the policy on the server (the buttons show only to those admitted), acts, and follows the run.</summary>
    private async Task ActAsync(Func<string, Task> action, bool follow)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.AuditDatasets)).Succeeded) return;
        try
        {
            await action(user.Identity!.Name!);
            _message = null;
        }
        catch (RefusedError refused)
        {
            _message = refused.Message;
        }
        await RefreshAsync();
        if (follow) _ = WatchAsync(Version.Id);
    }

    private async Task RefreshAsync()
    {
        _run = await Audits.FindAsync(Version.Id, _stop.Token);
        _result = DatasetBiasAudits.Read(_run);
    }

    /// <summary>Polls while the background job works, then shows the result.</summary>
    private Task WatchAsync(Guid id) =>
        RunPolling.WhileAsync(() => _watching == id, () => _run?.Pending == true, RefreshAsync, () => InvokeAsync(StateHasChanged), _stop.Token);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
