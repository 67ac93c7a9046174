using System.Security.Claims;
using Governance.Core.Releases;
using Governance.Core.Validation;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Portal.Releases;

/// <summary>What a page tells the user after a step: the outcome, or the refusal's own message.</summary>
public sealed record StepOutcome(string Message, bool Failed);

/// <summary>
/// How the dataset and model release pages take a step for the signed-in user: only when <c>policy</c> admits them (the
/// service checks the lifecycle again), with a refusal shown as its message rather than an error page.
/// </summary>
public static class ReleasePageSteps
{
    /// <summary>The outcome to show; null when the policy does not admit the user (the page offered nothing to them).</summary>
    public static async Task<StepOutcome?> RunAsync(IAuthorizationService authorization, ClaimsPrincipal user, string policy, Func<Actor, Task> step, string done)
    {
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded) return null;
        try
        {
            await step(user.ToActor());
            return new(done, false);
        }
        catch (Exception refused) when (refused is ValidationError or RefusedError)
        {
            return new(refused.Message, true);
        }
    }
}
