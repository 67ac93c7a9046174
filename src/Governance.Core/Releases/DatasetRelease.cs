using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Releases;

/// <summary>Where a dataset release is.</summary>
public enum DatasetReleaseState
{
    /// <summary>Being prepared.</summary>
    Draft,
    /// <summary>Handed in; audits start.</summary>
    Submitted,
    /// <summary>PII and bias audits running.</summary>
    AuditsRunning,
    /// <summary>An audit found a blocking problem and no waiver covers it.</summary>
    AuditsFailed,
    /// <summary>Waiting for approvals.</summary>
    InReview,
    /// <summary>An approver asked for changes.</summary>
    ChangesRequested,
    /// <summary>Enough approvals, including a compliance officer's.</summary>
    Approved,
    /// <summary>Refused.</summary>
    Rejected,
    /// <summary>Available to training and export.</summary>
    Published,
    /// <summary>Superseded; kept for lineage.</summary>
    Deprecated,
    /// <summary>Withdrawn: training on it stops, models from it are marked.</summary>
    Revoked,
}

/// <summary>An approval, bound to the content hash it approved.</summary>
public sealed record Approval(string Approver, bool ByComplianceOfficer, string ContentHash, DateTimeOffset AtUtc);

/// <summary>A compliance officer's waiver of a failed audit, with the reason.</summary>
public sealed record Waiver(string Audit, string By, string Reason, DateTimeOffset AtUtc);

/// <summary>
/// A dataset version on its way to release, with the gates the state machine alone cannot express: submitting needs
/// a clean PII audit and a passing bias audit, or a compliance officer's waiver; approval needs
/// <see cref="RequiredApprovals"/> distinct approvers for the current content hash including a compliance officer, never
/// the submitter; a new content hash voids every approval and audit.
/// </summary>
public sealed class DatasetRelease
{
    /// <summary>Audit names used in waivers.</summary>
    public const string PiiAudit = "pii", BiasAudit = "bias";

    /// <summary>The one definition of the dataset release lifecycle.</summary>
    public static Lifecycle<DatasetReleaseState> Lifecycle { get; } = new(
    [
        new("submit", [DatasetReleaseState.Draft, DatasetReleaseState.ChangesRequested, DatasetReleaseState.AuditsFailed], DatasetReleaseState.Submitted, [Roles.MLEngineer, Roles.Manager], false),
        new("start-audits", [DatasetReleaseState.Submitted], DatasetReleaseState.AuditsRunning, [Actor.SystemRole], false),
        new("audits-passed", [DatasetReleaseState.AuditsRunning], DatasetReleaseState.InReview, [Actor.SystemRole], false),
        new("audits-failed", [DatasetReleaseState.AuditsRunning], DatasetReleaseState.AuditsFailed, [Actor.SystemRole], false),
        new("waive", [DatasetReleaseState.AuditsFailed], DatasetReleaseState.InReview, [Roles.ComplianceOfficer], true),
        new("request-changes", [DatasetReleaseState.InReview], DatasetReleaseState.ChangesRequested, [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager], true),
        new("approve", [DatasetReleaseState.InReview], DatasetReleaseState.Approved, [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager], false),
        new("reject", [DatasetReleaseState.InReview], DatasetReleaseState.Rejected, [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager], true),
        new("publish", [DatasetReleaseState.Approved], DatasetReleaseState.Published, [Roles.Manager, Roles.ComplianceOfficer], false),
        new("deprecate", [DatasetReleaseState.Published], DatasetReleaseState.Deprecated, [Roles.Manager, Roles.ComplianceOfficer], false),
        new("revoke", [DatasetReleaseState.Published, DatasetReleaseState.Approved], DatasetReleaseState.Revoked, [Roles.ComplianceOfficer, Roles.Manager], true),
    ]);

    private readonly List<Approval> _approvals = [];
    private readonly List<Waiver> _waivers = [];

    /// <summary>A draft release of the version with <paramref name="contentHash"/>, needing <paramref name="requiredApprovals"/> approvals (at least 2).</summary>
    public DatasetRelease(string contentHash, int requiredApprovals = 2)
    {
        (ContentHash, RequiredApprovals) = (contentHash, ApprovalRule.Required(requiredApprovals));
    }

    /// <summary>Where the release is.</summary>
    public DatasetReleaseState State { get; private set; } = DatasetReleaseState.Draft;

    /// <summary>The content hash of the version released.</summary>
    public string ContentHash { get; private set; }

    /// <summary>Distinct approvers needed (one of them a compliance officer).</summary>
    public int RequiredApprovals { get; }

    /// <summary>Who submitted it last; they may not approve it.</summary>
    public string? SubmittedBy { get; private set; }
    /// <summary>Whether the last PII audit found no unresolved blocking finding; null before any.</summary>
    public bool? PiiClean { get; private set; }
    /// <summary>Whether the last bias audit had no failing metric; null before any.</summary>
    public bool? BiasPassing { get; private set; }
    /// <summary>Every approval given, valid or voided.</summary>
    public IReadOnlyList<Approval> Approvals => _approvals;

    /// <summary>Every waiver given since the content last changed.</summary>
    public IReadOnlyList<Waiver> Waivers => _waivers;

    /// <summary>Approvals that count: for the current content hash, one per approver, none by the submitter.</summary>
    public IEnumerable<Approval> ValidApprovals => ApprovalRule.Valid(_approvals, ContentHash, SubmittedBy);

    /// <summary>Whether the audits pass, each on its own result or a waiver.</summary>
    public bool AuditsClear => (PiiClean == true || Waived(PiiAudit)) && (BiasPassing == true || Waived(BiasAudit));

    /// <summary>Points the release at another version (only while it is being prepared or fixed): approvals, audits and waivers are void.</summary>
    public void ChangeContent(string contentHash)
    {
        if (State is not (DatasetReleaseState.Draft or DatasetReleaseState.ChangesRequested or DatasetReleaseState.AuditsFailed))
            throw new ValidationError("state", $"The content can change only in Draft, ChangesRequested or AuditsFailed, not {State}.");
        if (contentHash == ContentHash) return;
        (ContentHash, PiiClean, BiasPassing) = (contentHash, null, null);
        _approvals.Clear();
        _waivers.Clear();
    }

    /// <summary>Takes an action; <paramref name="time"/> stamps approvals and waivers. Refusals change nothing.</summary>
    public void Act(string action, Actor actor, DateTimeOffset time, string? comment = null, bool? piiClean = null, bool? biasPassing = null, string? audit = null)
    {
        var rule = Lifecycle.Check(State, action, actor, comment);
        switch (action)
        {
            case "submit":
                // Someone who approved and now resubmits would otherwise approve their own submission.
                SubmittedBy = actor.Name;
                _approvals.RemoveAll(a => a.Approver == actor.Name);
                break;
            case "audits-passed" or "audits-failed":
                if (piiClean is null || biasPassing is null) throw new ValidationError("audits", "Both audit results are needed.");
                if (action != AuditsAction(piiClean.Value, biasPassing.Value))
                    throw new ValidationError("audits", $"'{action}' does not match the results (PII clean: {piiClean}, bias passing: {biasPassing}).");
                (PiiClean, BiasPassing) = (piiClean, biasPassing);
                break;
            case "waive":
                if (audit is not (PiiAudit or BiasAudit)) throw new ValidationError("audit", $"Name the audit waived: {PiiAudit} or {BiasAudit}.");
                _waivers.Add(new Waiver(audit, actor.Name, comment!, time));
                if (!AuditsClear) return; // the other audit still fails: stays AuditsFailed
                break;
            case "approve":
                _approvals.Add(ApprovalRule.Give(actor, SubmittedBy, ContentHash, time));
                if (!ApprovalRule.Suffice(ValidApprovals, RequiredApprovals)) return; // stays InReview
                break;
        }
        State = rule.To;
    }

    /// <summary>The system's action once the audits have run: "audits-passed" when each passes or is waived, else "audits-failed".</summary>
    public string AuditsAction(bool piiClean, bool biasPassing) =>
        (piiClean || Waived(PiiAudit)) && (biasPassing || Waived(BiasAudit)) ? "audits-passed" : "audits-failed";

    /// <summary>
    /// The actions <paramref name="actor"/> may take now: those the lifecycle allows their roles, without approving a
    /// release they submitted or approving twice. What the UI offers; the server checks again on every action.
    /// </summary>
    public IEnumerable<string> ActionsFor(Actor actor) => ApprovalRule.Offered(Lifecycle, State, actor, SubmittedBy, ValidApprovals);

    private bool Waived(string audit) => _waivers.Any(w => w.Audit == audit);
}
