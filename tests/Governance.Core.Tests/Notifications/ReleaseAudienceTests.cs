using Governance.Core.Notifications;
using Governance.Core.Releases;
using Governance.Core.Security;

namespace Governance.Core.Tests.Notifications;

public sealed class ReleaseAudienceTests
{
    /// <summary>Two users per role, so that "everyone holding the role but the actor" is visible.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Holders = new()
    {
        [Roles.ComplianceOfficer] = ["co1", "co2"],
        [Roles.Reviewer] = ["rev1", "rev2"],
        [Roles.Manager] = ["mgr1", "mgr2"],
        [Roles.MLEngineer] = ["eng1", "eng2"],
        [Roles.Annotator] = ["ann1"],
        [Roles.Administrator] = ["admin"],
    };

    private static IReadOnlySet<string> Dataset(string action, DatasetReleaseState before, DatasetReleaseState after, string actor,
        string? submitter = "eng1", params string[] approvers) =>
        ReleaseAudience.For(ReleaseMove.Of(DatasetRelease.Lifecycle, action, before, after, actor, submitter, approvers), Holders);

    [Fact]
    public void A_submission_whose_audits_pass_concerns_every_compliance_officer_reviewer_and_manager_but_not_the_submitter()
    {
        var concerned = Dataset("submit", DatasetReleaseState.Draft, DatasetReleaseState.InReview, "eng1");

        Assert.Equal(["co1", "co2", "mgr1", "mgr2", "rev1", "rev2"], concerned.Order());
    }

    [Fact]
    public void A_submission_by_a_manager_concerns_the_other_managers_not_the_submitting_one()
    {
        var concerned = Dataset("submit", DatasetReleaseState.Draft, DatasetReleaseState.InReview, "mgr1", submitter: "mgr1");

        Assert.Contains("mgr2", concerned);
        Assert.DoesNotContain("mgr1", concerned);
    }

    [Fact]
    public void A_submission_whose_audits_fail_concerns_the_compliance_officers_who_may_waive()
    {
        var concerned = Dataset("submit", DatasetReleaseState.Draft, DatasetReleaseState.AuditsFailed, "eng1");

        Assert.Equal(["co1", "co2"], concerned.Order());
    }

    [Fact]
    public void An_approval_that_is_not_yet_enough_concerns_only_the_submitter()
    {
        Assert.Equal(["eng1"], Dataset("approve", DatasetReleaseState.InReview, DatasetReleaseState.InReview, "co1", approvers: "co1"));
    }

    [Fact]
    public void The_approval_that_approves_concerns_the_submitter_and_the_managers_and_compliance_officers_who_may_publish()
    {
        var concerned = Dataset("approve", DatasetReleaseState.InReview, DatasetReleaseState.Approved, "co2", approvers: ["co1", "co2"]);

        Assert.Equal(["co1", "eng1", "mgr1", "mgr2"], concerned.Order());
    }

    [Theory]
    [InlineData("reject", DatasetReleaseState.Rejected)]
    [InlineData("request-changes", DatasetReleaseState.ChangesRequested)]
    public void A_rejection_or_a_request_for_changes_concerns_only_the_submitter(string action, DatasetReleaseState after)
    {
        Assert.Equal(["eng1"], Dataset(action, DatasetReleaseState.InReview, after, "rev1", approvers: "co1"));
    }

    [Theory]
    [InlineData("publish", DatasetReleaseState.Approved, DatasetReleaseState.Published)]
    [InlineData("deprecate", DatasetReleaseState.Published, DatasetReleaseState.Deprecated)]
    [InlineData("revoke", DatasetReleaseState.Published, DatasetReleaseState.Revoked)]
    public void Publishing_deprecating_and_revoking_concern_the_submitter_and_the_approvers(string action, DatasetReleaseState before, DatasetReleaseState after)
    {
        var concerned = Dataset(action, before, after, "mgr1", approvers: ["co1", "rev1", "mgr1"]);

        Assert.Equal(["co1", "eng1", "rev1"], concerned.Order());
    }

    [Fact]
    public void A_waiver_that_clears_the_audits_concerns_the_submitter_and_those_who_review_next()
    {
        var concerned = Dataset("waive", DatasetReleaseState.AuditsFailed, DatasetReleaseState.InReview, "co1");

        Assert.Equal(["co2", "eng1", "mgr1", "mgr2", "rev1", "rev2"], concerned.Order());
    }

    [Fact]
    public void Nobody_is_told_of_their_own_step_and_annotators_and_administrators_are_never_concerned()
    {
        foreach (var rule in DatasetRelease.Lifecycle.Rules.Where(r => !r.Roles.Contains(Actor.SystemRole)))
        foreach (var before in rule.From)
        {
            var concerned = Dataset(rule.Action, before, rule.To, "mgr1", submitter: "eng1", "co1", "mgr1");
            Assert.DoesNotContain("mgr1", concerned);
            Assert.DoesNotContain("ann1", concerned);
            Assert.DoesNotContain("admin", concerned);
        }
    }

    [Fact]
    public void The_same_rule_serves_model_releases_approving_one_concerns_those_who_may_deploy_it()
    {
        var move = ReleaseMove.Of(ModelRelease.Lifecycle, "approve", ModelReleaseState.InReview, ModelReleaseState.Approved, "co2", "eng1", ["co1", "co2"]);

        Assert.Equal(["eng1", "eng2", "mgr1", "mgr2"], ReleaseAudience.For(move, Holders).Order());
    }

    [Fact]
    public void The_title_says_who_did_what_to_which_release_and_where_it_is_now()
    {
        var move = ReleaseMove.Of(DatasetRelease.Lifecycle, "request-changes", DatasetReleaseState.InReview, DatasetReleaseState.ChangesRequested, "rev1", "eng1", []);

        Assert.Equal("rev1 requested changes to the dataset release answers v2; it is ChangesRequested.", ReleaseAudience.Title(move, "the dataset release answers v2"));
    }
}
