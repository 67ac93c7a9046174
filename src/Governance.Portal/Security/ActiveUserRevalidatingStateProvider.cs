using Governance.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Portal.Security;

/// <summary>
/// Re-checks an open browser session every <see cref="RevalidationInterval"/>: a deactivated user, or one whose
/// roles changed (which renews their security stamp), is signed out of every open page.
/// </summary>
internal sealed class ActiveUserRevalidatingStateProvider(
    ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> options, RevalidationInterval interval)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => interval.Value;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is not { IsActive: true }) return false;
        var stampInSession = state.User.FindFirst(options.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stampInSession == await users.GetSecurityStampAsync(user);
    }
}
