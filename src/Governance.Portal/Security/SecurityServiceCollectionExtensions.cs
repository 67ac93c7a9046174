using Governance.Core.Configuration;
using Governance.Core.Security;
using Governance.Data;
using Governance.Data.Identity;
using Governance.Portal.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Governance.Portal.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Identity with lockout and password rules, cookie sign-in, and the named policies of <see cref="Policies"/>.</summary>
    public static IServiceCollection AddGovernanceSecurity(this IServiceCollection services, SettingReader settings)
    {
        var revalidation = TimeSpan.FromSeconds(settings.PositiveInt(SettingNames.RevalidationSeconds, 30));
        services.AddSingleton(new RevalidationInterval(revalidation));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActiveUserRevalidatingStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovernanceDbContext>()
            .AddSignInManager<ActiveUserSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidation);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InviteLinks.Lifetime);
        services.ConfigureApplicationCookie(CookieSettings.Configure);

        services.AddAuthorizationBuilder().AddGovernancePolicies();
        return services;
    }

    /// <summary>Turns <see cref="Policies.RolesByPolicy"/> into ASP.NET Core policies; the only place that happens.</summary>
    public static AuthorizationBuilder AddGovernancePolicies(this AuthorizationBuilder authorization)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        authorization.AddPolicy(Policies.SignedIn, signedIn);
        foreach (var (policy, roles) in Policies.RolesByPolicy)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        // Anything without its own policy still needs a signed-in user; a test enforces that each has one anyway.
        return authorization.SetFallbackPolicy(signedIn);
    }
}

/// <summary>How often an open browser session re-checks that its user is still active and unchanged.</summary>
public sealed record RevalidationInterval(TimeSpan Value);
