using Governance.Core.Releases;
using Governance.Data.Releases;

namespace Governance.Portal.Api;

/// <summary>
/// A release as the API and the pages show it: where it stands, the approvals that count, waivers, the timeline of
/// every step, and the actions the caller may take now (the server checks each again).
/// </summary>
public sealed record ReleaseView(
    Guid Id, string Dataset, int Version, Guid VersionId, string State, string ContentHash, int RequiredApprovals, string? SubmittedBy,
    string CreatedBy, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, IReadOnlyList<ApprovalView> Approvals, IReadOnlyList<Waiver> Waivers,
    IReadOnlyList<StepView> Timeline, IReadOnlyList<string> Actions)
{
    public static ReleaseView Of(StoredRelease stored, Actor caller)
    {
        var (row, release) = (stored.Row, stored.Release);
        var valid = release.ValidApprovals.ToHashSet();
        return new(row.Id, stored.Dataset, stored.VersionNumber, row.VersionId, release.State.ToString(), release.ContentHash, release.RequiredApprovals,
            release.SubmittedBy, row.CreatedBy, row.CreatedUtc, row.UpdatedUtc,
            [.. release.Approvals.Select(a => new ApprovalView(a.Approver, a.ByComplianceOfficer, a.ContentHash, a.AtUtc, valid.Contains(a)))],
            release.Waivers, [.. stored.Steps.Select(StepView.Of)], [.. release.ActionsFor(caller)]);
    }
}

/// <summary>An approval; <see cref="Counts"/> is false once voided (other content, or the approver submitted it since).</summary>
public sealed record ApprovalView(string Approver, bool ByComplianceOfficer, string ContentHash, DateTimeOffset AtUtc, bool Counts);

/// <summary>One step of the timeline.</summary>
public sealed record StepView(
    string Action, string Actor, string Roles, DateTimeOffset AtUtc, string? Comment, string? Audit, string StateBefore, string StateAfter, string ContentHash)
{
    public static StepView Of(ReleaseStepRow s) =>
        new(s.Action, s.Actor, s.Roles, s.AtUtc, s.Comment, s.Audit, s.StateBefore.ToString(), s.StateAfter.ToString(), s.ContentHash);

    /// <summary>A model release's step; the content hash is the weights hash.</summary>
    public static StepView Of(Data.Models.ModelReleaseStepRow s) =>
        new(s.Action, s.Actor, s.Roles, s.AtUtc, s.Comment, null, s.StateBefore.ToString(), s.StateAfter.ToString(), s.WeightsHash);
}

/// <summary>Submit version <see cref="Version"/> of <see cref="Dataset"/> for release.</summary>
public sealed record SubmitReleaseRequest(string Dataset, int Version, string? Comment);

/// <summary>A transition's comment (required to reject, waive, request changes and revoke) and, to waive, the audit: "pii" or "bias".</summary>
public sealed record ReleaseActionRequest(string? Comment, string? Audit);

/// <summary>Point the release at another version of its dataset.</summary>
public sealed record ReleaseVersionRequest(int Version);
