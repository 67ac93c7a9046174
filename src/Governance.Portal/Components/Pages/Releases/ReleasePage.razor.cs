using Governance.Core.Releases;
using Governance.Core.Security;
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
        _previousApproved = await Queries.PreviousApprovedVersionAsync(stored.Row.VersionId);
    }

    // The buttons show the lifecycle's actions for this user; the service checks the same rules again here.
    private Task ActAsync(string action) => RunAsync(actor => All.ActAsync(Id, action, actor, _comment, action == "waive" ? _audit : null, null), $"Done: {action}.");

    private Task CommentAsync() => RunAsync(actor => All.CommentAsync(Id, actor, _note ?? "", null), "Comment added.");

    private async Task RunAsync(Func<Actor, Task> step, string done)
    {
        var outcome = await ReleasePageSteps.RunAsync(Authorization, (await AuthenticationState).User, Policies.ActOnReleases, step, done);
        if (outcome is not null) (_message, _failed) = (outcome.Message, outcome.Failed);
        if (outcome is { Failed: false }) (_comment, _note) = (null, null);
        await LoadAsync();
    }

    private static Color ColorOf(string action) => action switch
    {
        "approve" or "publish" => Color.Success,
        "reject" or "revoke" => Color.Error,
        _ => Color.Primary,
    };
}
