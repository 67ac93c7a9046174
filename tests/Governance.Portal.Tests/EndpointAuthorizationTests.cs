using System.Net;
using Governance.Core.Security;
using Governance.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class EndpointAuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>The only endpoints without a named policy of their own, and why.</summary>
    private static readonly Dictionary<string, string> ListedExceptions = new()
    {
        ["/account/login"] = "anonymous: sign-in page",
        ["/account/accept-invite"] = "anonymous: an invited user sets a password with a one-time token",
        ["/api/session/ POST"] = "anonymous: sign-in for API clients",
        ["/health"] = "anonymous: health for load balancers and orchestrators",
        ["/api/releases/content/{versionId:guid}"] = "anonymous: a worker downloads a published version with the short-lived token bound to it",
        ["{**path:file}"] = "framework fallback answering 404 for unknown file names; the fallback policy requires sign-in",
    };

    private IReadOnlyList<RouteEndpoint> Endpoints()
    {
        using var _ = portal.Anonymous();
        return [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    private static string Key(RouteEndpoint e)
    {
        var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
        var pattern = e.RoutePattern.RawText ?? "";
        return ListedExceptions.ContainsKey(pattern) ? pattern : $"{pattern} {string.Join(",", methods)}";
    }

    private static bool IsStaticAsset(RouteEndpoint e) => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    [Fact]
    public void Every_page_and_API_endpoint_has_an_explicit_known_policy_or_is_a_listed_exception()
    {
        var offenders = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !IsStaticAsset(e)))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var listed = ListedExceptions.ContainsKey(Key(endpoint));
            if (anonymous || policies.Count == 0)
            {
                if (!listed) offenders.Add($"{Key(endpoint)}: {(anonymous ? "anonymous" : "no policy")} but not listed");
            }
            else if (policies.Any(p => p is null || !Policies.All.Contains(p)))
                offenders.Add($"{Key(endpoint)}: policy '{string.Join(",", policies)}' is not one of Policies.All");
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_listed_exception_still_exists_so_the_list_cannot_rot()
    {
        var keys = Endpoints().Select(Key).ToHashSet();
        Assert.All(ListedExceptions.Keys, key => Assert.Contains(key, keys));
    }

    [Fact]
    public void Every_page_declares_its_own_policy_rather_than_inheriting_one()
    {
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var type = page.Metadata.GetRequiredMetadata<ComponentTypeMetadata>().Type;
            var own = type.GetCustomAttributes(inherit: false);
            Assert.True(own.OfType<AuthorizeAttribute>().Any(a => a.Policy is not null) || own.OfType<AllowAnonymousAttribute>().Any(),
                $"{type.Name} has neither [Authorize(Policy = ...)] nor [AllowAnonymous]");
        }
    }

    [Fact]
    public void Static_assets_are_anonymous_and_only_files()
    {
        var assets = Endpoints().Where(IsStaticAsset).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.NotNull(a.Metadata.GetMetadata<IAllowAnonymous>()));
        Assert.All(assets, a => Assert.Matches(@"\.[a-z0-9]+$", a.RoutePattern.RawText));
    }

    [Fact]
    public void The_page_list_of_the_browser_tests_names_every_protected_page()
    {
        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText!).Order();
        Assert.Equal(ExpectedAccess.ProtectedPages.Order(), pages);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_every_protected_page()
    {
        using var client = portal.Anonymous();
        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText!).ToList();
        Assert.Contains("/admin/users", pages);
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_when_signed_in_and_sign_in_otherwise()
    {
        using var anonymous = portal.Anonymous();
        var redirected = await anonymous.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);

        using var user = await portal.SignedInAsync("annotator");
        var missing = await user.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync("/favicon.ico")).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_not_a_redirect_from_every_protected_API_endpoint()
    {
        using var client = portal.Anonymous();
        var api = Endpoints().Where(e => e.RoutePattern.RawText!.StartsWith("/api") && e.Metadata.GetMetadata<IAllowAnonymous>() is null);
        foreach (var endpoint in api)
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0];
            var path = endpoint.RoutePattern.RawText!.Replace("{id:guid}", Guid.Empty.ToString()).Replace("{id}", "x");
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }
}
