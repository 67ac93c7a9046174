using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Data.Models;
using Governance.Portal.Api;
using Governance.Portal.Releases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Models;

public partial class ModelPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ModelQueries Queries { get; set; } = default!;
    [Inject] private ModelRegistry Registry { get; set; } = default!;
    [Inject] private ModelReleases All { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ModelView? _model;
    private bool _cardEditable, _failed;
    private string? _comment, _note, _message;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var user = (await AuthenticationState).User;
        _model = ModelView.Of(await Queries.FindAsync(Id), user.ToActor());
        _cardEditable = _model.Release.State is nameof(ModelReleaseState.Trained) or nameof(ModelReleaseState.Evaluated)
                        && (await Authorization.AuthorizeAsync(user, Policies.EditModelCards)).Succeeded;
    }

    // The buttons show the lifecycle's actions for this user; the service checks the same rules and gates again here.
    private Task ActAsync(string action) =>
        RunAsync(Policies.ActOnReleases, actor => All.ActAsync(_model!.Release.Id, action, actor, _comment, null), $"Done: {action}.");

    private Task CommentAsync() => RunAsync(Policies.ActOnReleases, actor => All.CommentAsync(_model!.Release.Id, actor, _note ?? "", null), "Comment added.");

    private Task SaveCardAsync(ModelCardRequest card) => RunAsync(Policies.EditModelCards, actor => Registry.EditCardAsync(Id, card.ToText(), actor, null), "Model card saved.");

    private async Task RunAsync(string policy, Func<Actor, Task> step, string done)
    {
        var outcome = await ReleasePageSteps.RunAsync(Authorization, (await AuthenticationState).User, policy, step, done);
        if (outcome is not null) (_message, _failed) = (outcome.Message, outcome.Failed);
        if (outcome is { Failed: false }) (_comment, _note) = (null, null);
        await LoadAsync();
    }

    private static Color ColorOf(string action) => action switch
    {
        "approve" or "deploy" => Color.Success,
        "reject" or "revoke" => Color.Error,
        _ => Color.Primary,
    };
}
