using Governance.Core.Security;
using Governance.Data.Identity;
using Governance.Portal.Security;
using Microsoft.AspNetCore.Identity;

namespace Governance.Portal.Api;

internal static class AccountEndpoints
{
    public sealed record SignInRequest(string UserName, string Password);

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(CookieSettings.LoginPath);
        }).RequireAuthorization(Policies.SignedIn);

        var session = app.MapGroup("/api/session").WithApiConventions();
        session.MapPost("", SignInAsync).AllowAnonymous();
        session.MapDelete("", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary>Signs in for API clients and scripts; the same lockout and deactivation rules as the sign-in page.</summary>
    private static async Task<IResult> SignInAsync(SignInRequest request, SignInManager<ApplicationUser> signIn)
    {
        var outcome = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        return outcome.Succeeded
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: SignInMessages.For(outcome));
    }
}
