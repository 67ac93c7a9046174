using System.Security.Claims;
using Bunit;
using Governance.Core.Security;
using Governance.Tests.Shared;
using Governance.Portal.Components.Layout;
using Governance.Portal.Components.Pages;
using Governance.Portal.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Governance.Portal.Tests;

/// <summary>The navigation and home page rendered with the portal's real policies evaluated against a user's roles.</summary>
public sealed class NavigationComponentTests : BunitContext, IAsyncLifetime
{
    public static TheoryData<string, string[]> ExpectedNavigation()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var (role, links) in ExpectedAccess.NavigationByRole) data.Add(role, links);
        return data;
    }

    private void SignIn(params string[] roles)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test");
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(new ClaimsPrincipal(identity)));
        Services.AddAuthorizationBuilder().AddGovernancePolicies();
        // Replaces bUnit's placeholder, so that the real policies are evaluated against the roles.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddCascadingAuthenticationState();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IReadOnlyList<string> NavigationIds() =>
        [.. Render<NavMenu>().FindAll("#main-navigation a[id^=nav-]").Select(a => a.Id!)];

    [Theory]
    [MemberData(nameof(ExpectedNavigation))]
    public void Each_role_sees_exactly_its_own_navigation(string role, string[] expected)
    {
        SignIn(role);
        Assert.Equal(expected, NavigationIds());
    }

    [Fact]
    public void A_user_without_roles_sees_only_home()
    {
        SignIn();
        Assert.Equal(["nav-home"], NavigationIds());
    }

    [Fact]
    public void A_user_with_two_roles_sees_the_union()
    {
        SignIn(Roles.Annotator, Roles.MLEngineer);
        Assert.Equal(["nav-home", "nav-datasets", "nav-releases", "nav-models", "nav-annotation", "nav-workers"], NavigationIds());
    }

    [Fact]
    public void Home_greets_the_user_and_offers_a_card_for_each_page_they_may_open()
    {
        SignIn(Roles.Manager);
        var home = Render<Home>();
        Assert.Contains("Welcome, someone", home.Markup);
        Assert.Contains("Your roles: Manager.", home.Markup);
        Assert.Equal(["Datasets", "Releases", "Models", "Annotation", "Workers"], home.FindAll(".mud-card a").Select(a => a.TextContent.Trim()));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
