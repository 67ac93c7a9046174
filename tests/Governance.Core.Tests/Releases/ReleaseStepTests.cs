using Governance.Core.Releases;
using Governance.Core.Security;

namespace Governance.Core.Tests.Releases;

public sealed class ReleaseStepTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static ReleaseStep By(string user, string role, string action, string? comment = null, string? audit = null) =>
        new(action, user, [role], At, comment, audit);

    [Fact]
    public void Replaying_the_stored_steps_rebuilds_the_release_with_its_approvals()
    {
        var steps = new List<ReleaseStep>
        {
            new(ReleaseStep.ChangeContent, "emil", [Roles.MLEngineer], At, ContentHash: "h1"),
            By("emil", Roles.MLEngineer, "submit"),
            new("start-audits", "system", [Actor.SystemRole], At),
            new("audits-passed", "system", [Actor.SystemRole], At, PiiClean: true, BiasPassing: true),
            By("chloe", Roles.ComplianceOfficer, ReleaseStep.CommentOnly, "Looks fine."),
            By("chloe", Roles.ComplianceOfficer, "approve"),
            By("rui", Roles.Reviewer, "approve"),
        };

        var release = ReleaseStep.Replay(2, steps);

        Assert.Equal(DatasetReleaseState.Approved, release.State);
        Assert.Equal(["chloe", "rui"], release.ValidApprovals.Select(a => a.Approver));
        Assert.Equal("emil", release.SubmittedBy);
    }

    [Fact]
    public void A_history_that_does_not_start_with_its_content_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReleaseStep.Replay(2, [By("emil", Roles.MLEngineer, "submit")]));
    }

    [Fact]
    public void The_submitter_is_never_offered_approval_and_an_approver_not_twice()
    {
        var release = ReleaseStep.Replay(2,
        [
            new(ReleaseStep.ChangeContent, "mona", [Roles.Manager], At, ContentHash: "h1"),
            By("mona", Roles.Manager, "submit"),
            new("start-audits", "system", [Actor.SystemRole], At),
            new("audits-passed", "system", [Actor.SystemRole], At, PiiClean: true, BiasPassing: true),
            By("rui", Roles.Reviewer, "approve"),
        ]);

        Assert.DoesNotContain("approve", release.ActionsFor(new Actor("mona", new HashSet<string> { Roles.Manager })));
        Assert.DoesNotContain("approve", release.ActionsFor(new Actor("rui", new HashSet<string> { Roles.Reviewer })));
        Assert.Contains("approve", release.ActionsFor(new Actor("chloe", new HashSet<string> { Roles.ComplianceOfficer })));
    }
}

public sealed class ModelReleaseStepTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_a_model_release_rebuilds_it_with_new_weights_and_approvals_whatever_its_gate_says_now()
    {
        var release = ReleaseStep.ReplayModel(2,
        [
            new(ReleaseStep.ChangeContent, "emil", [Roles.MLEngineer], At, ContentHash: "w1"),
            new(ReleaseStep.ChangeContent, "emil", [Roles.MLEngineer], At, ContentHash: "w2"),
            new("record-evaluation", "emil", [Roles.MLEngineer], At),
            new("submit", "emil", [Roles.MLEngineer], At),
            new("approve", "chloe", [Roles.ComplianceOfficer], At),
            new("approve", "rui", [Roles.Reviewer], At),
        ]);

        Assert.Equal(ModelReleaseState.Approved, release.State);
        Assert.Equal("w2", release.WeightsHash);
        Assert.Equal(["chloe", "rui"], release.ValidApprovals.Select(a => a.Approver));
    }
}
