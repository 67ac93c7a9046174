using Microsoft.AspNetCore.Authentication.Cookies;

namespace Governance.Portal.Security;

/// <summary>The sign-in cookie: pages redirect to sign-in; API calls get 401 or 403 instead of a redirect.</summary>
internal static class CookieSettings
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = LoginPath;
        cookie.LogoutPath = "/account/logout";
        cookie.AccessDeniedPath = AccessDeniedPath;
        cookie.Cookie.Name = "Governance.Session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.SlidingExpiration = true;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
