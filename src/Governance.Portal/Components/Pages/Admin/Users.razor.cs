using System.Security.Claims;
using Governance.Core.Validation;
using Governance.Portal.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Admin;

public partial class Users
{
    [Inject] private UserAdministration Admin { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<UserSummary>? _users;
    private readonly Dictionary<string, HashSet<string>> _roleDrafts = [];
    private InviteDraft _invite = new();
    private bool _inviteOpen;
    private string? _inviteUrl;
    private string? _inviteFor;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _users = await Admin.ListAsync();
        _roleDrafts.Clear();
    }

    private IReadOnlyCollection<string> RoleDraft(UserSummary user) =>
        _roleDrafts.TryGetValue(user.Id, out var draft) ? draft : [.. user.Roles];

    private bool RolesChanged(UserSummary user) =>
        _roleDrafts.TryGetValue(user.Id, out var draft) && !draft.SetEquals(user.Roles);

    private static void Toggle(ISet<string> set, string value, bool on)
    {
        if (on) set.Add(value);
        else set.Remove(value);
    }

    private static string StatusText(UserSummary user) =>
        !user.IsActive ? "Deactivated" : user.IsLockedOut ? "Locked out" : !user.HasPassword ? "Invited" : "Active";

    private static Color StatusColor(UserSummary user) =>
        !user.IsActive ? Color.Default : user.IsLockedOut ? Color.Warning : !user.HasPassword ? Color.Info : Color.Success;

    private Task InviteAsync() => RunAsync(async () =>
    {
        var invitation = await Admin.InviteAsync(
            new InviteRequest(_invite.UserName, _invite.Email, _invite.DisplayName, [.. _invite.Roles]), Navigation.BaseUri);
        (_inviteUrl, _inviteFor, _invite, _inviteOpen) = (invitation.InviteUrl, invitation.User.UserName, new InviteDraft(), false);
        return $"{invitation.User.UserName} invited.";
    });

    private Task SaveRolesAsync(UserSummary user) => RunAsync(async () =>
    {
        await Admin.SetRolesAsync(user.Id, [.. _roleDrafts[user.Id]], await ActorIdAsync());
        return $"Roles of {user.UserName} saved; their open sessions must sign in again.";
    });

    private Task DeactivateAsync(UserSummary user) => RunAsync(async () =>
    {
        await Admin.DeactivateAsync(user.Id, await ActorIdAsync());
        return $"{user.UserName} deactivated; open sessions end within a minute.";
    });

    private Task ReactivateAsync(UserSummary user) => RunAsync(async () =>
    {
        await Admin.ReactivateAsync(user.Id, await ActorIdAsync());
        return $"{user.UserName} reactivated.";
    });

    private Task NewInviteLinkAsync(UserSummary user) => RunAsync(async () =>
    {
        (_inviteUrl, _inviteFor) = (await Admin.NewInviteLinkAsync(user.Id, Navigation.BaseUri), user.UserName);
        return $"New invite link for {user.UserName}.";
    });

    private async Task RunAsync(Func<Task<string>> action)
    {
        try
        {
            Snackbar.Add(await action(), Severity.Success);
            await ReloadAsync();
        }
        catch (ValidationError error)
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
    }

    private async Task<string> ActorIdAsync() =>
        (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private sealed class InviteDraft
    {
        public string UserName { get; set; } = "";
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public HashSet<string> Roles { get; } = [];
    }
}
