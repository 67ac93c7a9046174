using Governance.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Portal.Security;

internal static class CircuitHubAuthorization
{
    /// <summary>
    /// The Blazor circuit endpoints (/_blazor) get the <see cref="Policies.SignedIn"/> policy explicitly; every page
    /// keeps its own policy from its [Authorize] attribute.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireSignedInForCircuitHub(
        this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
            if (pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("_blazor", StringComparison.Ordinal))
                endpoint.Metadata.Add(new AuthorizeAttribute(Policies.SignedIn));
        });
        return builder;
    }
}
