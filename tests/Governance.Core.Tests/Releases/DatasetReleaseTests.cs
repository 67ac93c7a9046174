using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Releases;

public sealed class DatasetReleaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Actor As(string name, params string[] roles) => new(name, roles.ToHashSet());

    private static readonly Actor Engineer = As("eng", Roles.MLEngineer);
    private static readonly Actor Manager = As("mgr", Roles.Manager);
    private static readonly Actor Compliance1 = As("co1", Roles.ComplianceOfficer);
    private static readonly Actor Compliance2 = As("co2", Roles.ComplianceOfficer);
    private static readonly Actor Reviewer = As("rev", Roles.Reviewer);

    /// <summary>Who may take each action, written out by hand from the issue as the oracle for the lifecycle table.</summary>
    private static readonly Dictionary<string, string[]> ExpectedRoles = new()
    {
        ["submit"] = [Roles.MLEngineer, Roles.Manager],
        ["start-audits"] = [Actor.SystemRole],
        ["audits-passed"] = [Actor.SystemRole],
        ["audits-failed"] = [Actor.SystemRole],
        ["waive"] = [Roles.ComplianceOfficer],
        ["request-changes"] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
        ["approve"] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
        ["reject"] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
        ["publish"] = [Roles.Manager, Roles.ComplianceOfficer],
        ["deprecate"] = [Roles.Manager, Roles.ComplianceOfficer],
        ["revoke"] = [Roles.ComplianceOfficer, Roles.Manager],
    };

    public static TheoryData<string, string> ActionsAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in ExpectedRoles.Keys)
            foreach (var role in Roles.All.Append(Actor.SystemRole))
                data.Add(action, role);
        return data;
    }

    [Fact]
    public void The_lifecycle_has_exactly_the_expected_actions() =>
        Assert.Equal(ExpectedRoles.Keys.Order(), DatasetRelease.Lifecycle.Rules.Select(r => r.Action).Distinct().Order());

    [Theory]
    [MemberData(nameof(ActionsAndRoles))]
    public void Every_action_admits_exactly_the_expected_roles(string action, string role)
    {
        var from = DatasetRelease.Lifecycle.Rules.First(r => r.Action == action).From[0];
        var actor = As("someone", role);

        if (ExpectedRoles[action].Contains(role)) Assert.Equal(action, DatasetRelease.Lifecycle.Check(from, action, actor, "because").Action);
        else Assert.Throws<ForbiddenTransition>(() => DatasetRelease.Lifecycle.Check(from, action, actor, "because"));
    }

    private static DatasetRelease InReview()
    {
        var release = new DatasetRelease("h1");
        release.Act("submit", Engineer, Now);
        release.Act("start-audits", Actor.System, Now);
        release.Act("audits-passed", Actor.System, Now, piiClean: true, biasPassing: true);
        return release;
    }

    [Fact]
    public void Two_distinct_approvers_including_a_compliance_officer_approve_and_the_submitter_never_does()
    {
        var release = InReview();

        Assert.Throws<ForbiddenTransition>(() => release.Act("approve", As("eng", Roles.MLEngineer, Roles.Manager), Now));
        release.Act("approve", Manager, Now);
        release.Act("approve", Manager, Now);
        Assert.Equal(DatasetReleaseState.InReview, release.State); // one approver twice is one approval
        release.Act("approve", Reviewer, Now);
        Assert.Equal(DatasetReleaseState.InReview, release.State); // two, but no compliance officer
        release.Act("approve", Compliance1, Now);
        Assert.Equal(DatasetReleaseState.Approved, release.State);
        release.Act("publish", Manager, Now);
        Assert.Equal(DatasetReleaseState.Published, release.State);
    }

    [Fact]
    public void Comments_are_required_and_a_refusal_changes_nothing()
    {
        var release = InReview();

        Assert.Equal("comment", Assert.Throws<ValidationError>(() => release.Act("reject", Compliance1, Now, " ")).Field);
        Assert.Throws<ForbiddenTransition>(() => release.Act("reject", Engineer, Now, "no"));
        Assert.Equal(DatasetReleaseState.InReview, release.State);
        Assert.Equal("action", Assert.Throws<ValidationError>(() => release.Act("publish", Manager, Now)).Field);
        release.Act("request-changes", Reviewer, Now, "label the second column");
        Assert.Equal(DatasetReleaseState.ChangesRequested, release.State);
    }

    [Fact]
    public void A_failed_audit_needs_a_waiver_for_each_failing_audit_and_new_content_voids_approvals_and_waivers()
    {
        var release = new DatasetRelease("h1");
        release.Act("submit", Engineer, Now);
        release.Act("start-audits", Actor.System, Now);
        Assert.Throws<ValidationError>(() => release.Act("audits-passed", Actor.System, Now, piiClean: false, biasPassing: false));
        release.Act("audits-failed", Actor.System, Now, piiClean: false, biasPassing: false);
        Assert.Throws<ForbiddenTransition>(() => release.Act("waive", Manager, Now, "ok", audit: DatasetRelease.PiiAudit));
        release.Act("waive", Compliance1, Now, "synthetic names only", audit: DatasetRelease.PiiAudit);
        Assert.Equal(DatasetReleaseState.AuditsFailed, release.State); // bias still fails
        release.Act("waive", Compliance1, Now, "skew documented in the card", audit: DatasetRelease.BiasAudit);
        Assert.Equal(DatasetReleaseState.InReview, release.State);

        release.Act("approve", Compliance2, Now);
        release.Act("request-changes", Reviewer, Now, "wrong version");
        release.ChangeContent("h2");
        Assert.Empty(release.ValidApprovals);
        Assert.Empty(release.Waivers);
        Assert.Null(release.PiiClean);
    }

    /// <summary>
    /// Walks every sequence of actions by every kind of actor (with every audit outcome, waiver and content change) up
    /// to the point where no new situation appears, and checks each Published release against the gates.
    /// </summary>
    [Fact]
    public void No_path_reaches_Published_without_the_gates()
    {
        Actor[] actors = [Engineer, Manager, Compliance1, Compliance2, Reviewer, Actor.System, As("admin", Roles.Administrator), As("ann", Roles.Annotator)];
        var moves = new List<Action<DatasetRelease>>();
        foreach (var rule in DatasetRelease.Lifecycle.Rules)
            foreach (var actor in actors)
            {
                // Audit results matter only to the audit actions, the audit named only to waivers.
                var results = rule.Action.StartsWith("audits-", StringComparison.Ordinal)
                    ? new[] { (true, true), (true, false), (false, true), (false, false) } : [(true, true)];
                var audits = rule.Action == "waive" ? new[] { DatasetRelease.PiiAudit, DatasetRelease.BiasAudit } : [DatasetRelease.PiiAudit];
                foreach (var (pii, bias) in results)
                    foreach (var audit in audits)
                        moves.Add(r => r.Act(rule.Action, actor, Now, "because", pii, bias, audit));
            }
        moves.Add(r => r.ChangeContent(r.ContentHash == "h1" ? "h2" : "h1"));

        string Signature(DatasetRelease r) => string.Join("|", r.State, r.ContentHash, r.SubmittedBy, r.PiiClean, r.BiasPassing,
            string.Join(",", r.ValidApprovals.Select(a => a.Approver).Order()), string.Join(",", r.Waivers.Select(w => w.Audit).Distinct().Order()));
        DatasetRelease Replay(IEnumerable<int> path)
        {
            var r = new DatasetRelease("h1");
            foreach (var step in path) moves[step](r);
            return r;
        }

        var seen = new HashSet<string> { Signature(new DatasetRelease("h1")) };
        var queue = new Queue<List<int>>([[]]);
        var published = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            for (var m = 0; m < moves.Count; m++)
            {
                var release = Replay(path);
                try { moves[m](release); }
                catch (Exception e) when (e is ValidationError or ForbiddenTransition) { continue; }
                if (!seen.Add(Signature(release))) continue;
                if (release.State == DatasetReleaseState.Published)
                {
                    published++;
                    var valid = release.ValidApprovals.ToList();
                    Assert.True(valid.Count >= 2, Signature(release));
                    Assert.Contains(valid, a => a.ByComplianceOfficer);
                    Assert.DoesNotContain(valid, a => a.Approver == release.SubmittedBy);
                    Assert.True(release.AuditsClear, Signature(release));
                }
                queue.Enqueue([.. path, m]);
            }
        }
        Assert.True(published > 0, "the walk never reached Published, so it proved nothing");
    }
}
