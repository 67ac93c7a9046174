using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Core.Releases;
using Governance.Core.Validation;

namespace Governance.Data.Releases;

/// <summary>One entry for the audit trail: who took which step on which release, the state before and what it left.</summary>
internal sealed record TrailEntry(string Actor, string Entity, string Action, string Before, string After);

/// <summary>
/// How any release step is taken in a request, dataset or model alike: through the Core rules, with a role the
/// lifecycle does not allow (or a submitter approving) refused as forbidden, an action the state does not allow as a
/// conflict, and a missing comment or other input as a field to fix; and what the audit trail keeps of it, without
/// comment text.
/// </summary>
internal static class StepTaking
{
    public const int MaxComment = 4000;

    /// <summary>Runs <paramref name="apply"/> (the step on the rebuilt release), turning the rules' refusals into API refusals.</summary>
    public static void Apply(ReleaseStep step, Action apply)
    {
        if (step.Comment?.Length > MaxComment) throw new ValidationError("comment", $"Keep the comment to {MaxComment} characters; attach longer evidence elsewhere and link it.");
        try
        {
            apply();
        }
        catch (ForbiddenTransition forbidden)
        {
            throw new RefusedError(Refusal.Forbidden, forbidden.Message);
        }
        catch (ValidationError wrongState) when (wrongState.Field is "action" or "state")
        {
            throw new RefusedError(Refusal.Conflict, wrongState.Message);
        }
    }

    /// <summary>The trail entry of a step: state before; state, content hash, valid approvals, the audit waived and the comment's hash after.</summary>
    public static TrailEntry Entry(string entity, ReleaseStep step, string before, string after, string contentHash, int validApprovals) =>
        new(step.Actor, entity, $"release-{step.Action}", JsonSerializer.Serialize(new { state = before }), JsonSerializer.Serialize(new
        {
            state = after, contentHash, validApprovals, audit = step.Audit,
            commentSha256 = step.Comment is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(step.Comment))),
        }));
}
