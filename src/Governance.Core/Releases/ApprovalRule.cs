using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Releases;

/// <summary>
/// The approval rule every release shares (segregation of duties): at least two approvers; an approval counts only
/// for the content it approved and never from the submitter; one approver counts once; enough approvals include a
/// compliance officer's. What the UI offers follows the same rule.
/// </summary>
public static class ApprovalRule
{
    /// <summary><paramref name="required"/>, refused below two.</summary>
    public static int Required(int required) =>
        required >= 2 ? required : throw new ValidationError("requiredApprovals", "A release needs at least two approvers.");

    /// <summary>The approvals that count for <paramref name="hash"/>: one per approver, none by <paramref name="submittedBy"/>.</summary>
    public static IEnumerable<Approval> Valid(IEnumerable<Approval> given, string hash, string? submittedBy) =>
        given.Where(a => a.ContentHash == hash && a.Approver != submittedBy).DistinctBy(a => a.Approver);

    /// <summary><paramref name="actor"/>'s approval of <paramref name="hash"/>; forbidden to the submitter.</summary>
    public static Approval Give(Actor actor, string? submittedBy, string hash, DateTimeOffset time) =>
        actor.Name != submittedBy ? new Approval(actor.Name, actor.Roles.Contains(Roles.ComplianceOfficer), hash, time)
            : throw new ForbiddenTransition("Nobody approves a release they submitted.");

    /// <summary>Whether <paramref name="valid"/> approvals are enough: <paramref name="required"/> of them, one a compliance officer's.</summary>
    public static bool Suffice(IEnumerable<Approval> valid, int required)
    {
        var list = valid.ToList();
        return list.Count >= required && list.Any(a => a.ByComplianceOfficer);
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take from <paramref name="state"/>: those the lifecycle allows their
    /// roles, without approving a release they submitted or approving twice. What the UI offers; the server checks again.
    /// </summary>
    public static IEnumerable<string> Offered<TState>(Lifecycle<TState> lifecycle, TState state, Actor actor, string? submittedBy, IEnumerable<Approval> valid)
        where TState : struct, Enum =>
        lifecycle.Available(state, actor).Select(r => r.Action).Distinct()
            .Where(a => a != "approve" || (actor.Name != submittedBy && valid.All(v => v.Approver != actor.Name)));
}
