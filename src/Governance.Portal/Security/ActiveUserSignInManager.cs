using System.Security.Claims;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Portal.Security;

/// <summary>
/// A deactivated user can neither sign in nor keep a cookie: both checks end here. Every password sign-in (and every
/// failed one) and every sign-out goes to the audit trail, with the client address.
/// </summary>
internal sealed class ActiveUserSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    Governance.Data.Audit.AuditTrail audit)
    : SignInManager<ApplicationUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        var outcome = result.Succeeded ? "sign-in" : result.IsLockedOut ? "sign-in-locked-out" : result.IsNotAllowed ? "sign-in-not-allowed" : "sign-in-failed";
        await audit.AppendAsync(userName, Client, $"user:{userName}", outcome);
        return result;
    }

    public override async Task SignOutAsync()
    {
        var name = Context.User.Identity?.Name;
        await base.SignOutAsync();
        if (name is not null) await audit.AppendAsync(name, Client, $"user:{name}", "sign-out");
    }

    private string? Client => Context.Connection.RemoteIpAddress?.ToString();

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}
