using System.Security.Claims;
using Governance.Core.Releases;

namespace Governance.Portal.Releases;

/// <summary>The signed-in user as the release lifecycle sees them: user name and roles.</summary>
public static class ReleaseActors
{
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
