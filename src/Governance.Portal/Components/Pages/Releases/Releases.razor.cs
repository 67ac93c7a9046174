using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Releases;
using Governance.Portal.Api;
using Governance.Portal.Releases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Governance.Portal.Components.Pages.Releases;

public partial class Releases
{
    [Inject] private ReleaseQueries Queries { get; set; } = default!;
    [Inject] private DatasetReleases All { get; set; } = default!;
    [Inject] private ReleaseSettings Settings { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<ReleaseView>? _releases;
    private string _dataset = "";
    private int _version = 1;
    private string? _comment;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var actor = (await AuthenticationState).User.ToActor();
        _releases = [.. (await Queries.ListAsync()).Select(r => ReleaseView.Of(r, actor))];
    }

    // The lifecycle refuses roles that may not submit; the form shows only to those who may.
    private async Task SubmitAsync()
    {
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            var stored = await All.SubmitAsync(_dataset.Trim(), _version, actor, _comment, client: null);
            Navigation.NavigateTo($"releases/{stored.Row.Id}");
        }
        catch (Exception refused) when (refused is ValidationError or RefusedError)
        {
            _error = refused.Message;
        }
    }
}
