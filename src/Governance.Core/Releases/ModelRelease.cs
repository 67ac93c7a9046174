using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Releases;

/// <summary>Where a model release is.</summary>
public enum ModelReleaseState
{
    /// <summary>Fine-tuning finished.</summary>
    Trained,
    /// <summary>Evaluation recorded.</summary>
    Evaluated,
    /// <summary>Waiting for approvals.</summary>
    InReview,
    /// <summary>Enough approvals, including a compliance officer's.</summary>
    Approved,
    /// <summary>Refused.</summary>
    Rejected,
    /// <summary>Serving.</summary>
    Deployed,
    /// <summary>Taken out of service in the normal course.</summary>
    Retired,
    /// <summary>Withdrawn for cause.</summary>
    Revoked,
}

/// <summary>
/// A trained model on its way to deployment. Gates beyond the state machine: submitting for review and approving both
/// need a complete model card, and submitting, approving and deploying need training data that was not revoked
/// (<see cref="ModelGate"/>); approval needs <see cref="RequiredApprovals"/> distinct approvers for the current
/// weights hash, at least one a compliance officer, never the submitter; new weights void every approval.
/// </summary>
public sealed class ModelRelease(string weightsHash, int requiredApprovals = 2)
{
    /// <summary>The one definition of the model release lifecycle.</summary>
    public static Lifecycle<ModelReleaseState> Lifecycle { get; } = new(
    [
        new("record-evaluation", [ModelReleaseState.Trained, ModelReleaseState.Evaluated], ModelReleaseState.Evaluated, [Actor.SystemRole, Roles.MLEngineer], false),
        new("submit", [ModelReleaseState.Evaluated], ModelReleaseState.InReview, [Roles.MLEngineer, Roles.Manager], false),
        new("approve", [ModelReleaseState.InReview], ModelReleaseState.Approved, [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager], false),
        new("reject", [ModelReleaseState.InReview], ModelReleaseState.Rejected, [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager], true),
        new("deploy", [ModelReleaseState.Approved], ModelReleaseState.Deployed, [Roles.Manager, Roles.MLEngineer], false),
        new("retire", [ModelReleaseState.Deployed], ModelReleaseState.Retired, [Roles.Manager, Roles.MLEngineer], false),
        new("revoke", [ModelReleaseState.Deployed, ModelReleaseState.Approved], ModelReleaseState.Revoked, [Roles.ComplianceOfficer, Roles.Manager], true),
    ]);

    private readonly List<Approval> _approvals = [];

    /// <summary>Where the release is.</summary>
    public ModelReleaseState State { get; private set; } = ModelReleaseState.Trained;

    /// <summary>The hash of the weights released.</summary>
    public string WeightsHash { get; private set; } = weightsHash;

    /// <summary>Distinct approvers needed (one of them a compliance officer).</summary>
    public int RequiredApprovals { get; } = ApprovalRule.Required(requiredApprovals);

    /// <summary>Who submitted it; they may not approve it.</summary>
    public string? SubmittedBy { get; private set; }

    /// <summary>Approvals that count: for the current weights, one per approver, none by the submitter.</summary>
    public IEnumerable<Approval> ValidApprovals => ApprovalRule.Valid(_approvals, WeightsHash, SubmittedBy);

    /// <summary>New weights (a retrained model) before review: approvals are void and the evaluation must be recorded again.</summary>
    public void ChangeWeights(string weightsHash)
    {
        if (State is not (ModelReleaseState.Trained or ModelReleaseState.Evaluated))
            throw new ValidationError("state", $"The weights can change only before review, not in {State}.");
        if (weightsHash == WeightsHash) return;
        (WeightsHash, State) = (weightsHash, ModelReleaseState.Trained);
        _approvals.Clear();
    }

    /// <summary>Every approval given, valid or voided.</summary>
    public IReadOnlyList<Approval> Approvals => _approvals;

    /// <summary>Takes an action; <paramref name="gate"/> is what the model's card and lineage say now. Refusals change nothing.</summary>
    public void Act(string action, Actor actor, DateTimeOffset time, ModelGate gate, string? comment = null)
    {
        var rule = Lifecycle.Check(State, action, actor, comment);
        gate.Check(action);
        switch (action)
        {
            case "submit":
                SubmittedBy = actor.Name;
                _approvals.RemoveAll(a => a.Approver == actor.Name);
                break;
            case "approve":
                _approvals.Add(ApprovalRule.Give(actor, SubmittedBy, WeightsHash, time));
                if (!ApprovalRule.Suffice(ValidApprovals, RequiredApprovals)) return; // stays InReview
                break;
        }
        State = rule.To;
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take now: those the lifecycle allows their roles, without approving a
    /// release they submitted or approving twice. What the UI offers; the server checks again on every action.
    /// </summary>
    public IEnumerable<string> ActionsFor(Actor actor) => ApprovalRule.Offered(Lifecycle, State, actor, SubmittedBy, ValidApprovals);
}
