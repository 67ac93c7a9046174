using Governance.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Governance.Portal.Security;

internal static class CircuitHubAuthorization
{
    /// <summary>
    /// Blazor's own endpoints (the /_blazor circuit hub, /_framework/opaque-redirect, the file fallback) get the
    /// <see cref="Policies.SignedIn"/> policy explicitly. Pages are left alone: each declares its own policy with
    /// [Authorize] or is a listed anonymous exception, and a test checks that.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireSignedInForCircuitHub(
        this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var isPage = metadata.OfType<ComponentTypeMetadata>().Any();
            var declared = metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any();
            if (!isPage && !declared) metadata.Add(new AuthorizeAttribute(Policies.SignedIn));
        });
        return builder;
    }
}
