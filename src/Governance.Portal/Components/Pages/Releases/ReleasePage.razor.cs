using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Releases;
using Governance.Portal.Api;
using Governance.Portal.Releases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Releases;

public partial class ReleasePage
{
    private static readonly DatasetReleaseState[] ApprovedStates = [DatasetReleaseState.Approved, DatasetReleaseState.Published, DatasetReleaseState.Deprecated];

    [Parameter] public Guid Id { get; set; }

    [Inject] private ReleaseQueries Queries { get; set; } = default!;
    [Inject] private DatasetReleases All { get; set; } = default!;
    [Inject] private ReleaseGates Gates { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ReleaseView? _release;
    private GateResult? _gate;
    private int? _previousApproved;
    private string? _comment, _note, _audit = "pii", _message;
    private bool _failed;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var actor = (await AuthenticationState).User.ToActor();
        var stored = await Queries.FindAsync(Id);
        _release = ReleaseView.Of(stored, actor);
        _gate = await Gates.EvaluateAsync(stored.Row.VersionId);
        _previousApproved = (await Queries.ListAsync()).Where(r => r.Dataset == stored.Dataset && r.VersionNumber < stored.VersionNumber
            && ApprovedStates.Contains(r.Release.State)).Select(r => (int?)r.VersionNumber).Max();
    }

    // The buttons show the lifecycle's actions for this user; the service checks the same rules again here.
    private Task ActAsync(string action) => RunAsync(actor => All.ActAsync(Id, action, actor, _comment, action == "waive" ? _audit : null, null), $"Done: {action}.");

    private Task CommentAsync() => RunAsync(actor => All.CommentAsync(Id, actor, _note ?? "", null), "Comment added.");

    private async Task RunAsync(Func<Actor, Task<StoredRelease>> step, string done)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.ActOnReleases)).Succeeded) return;
        try
        {
            await step(user.ToActor());
            (_message, _failed, _comment, _note) = (done, false, null, null);
        }
        catch (Exception refused) when (refused is ValidationError or RefusedError)
        {
            (_message, _failed) = (refused.Message, true);
        }
        await LoadAsync();
    }

    private static Color ColorOf(string action) => action switch
    {
        "approve" or "publish" => Color.Success,
        "reject" or "revoke" => Color.Error,
        _ => Color.Primary,
    };
}
