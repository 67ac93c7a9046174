using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Releases;

public sealed class ModelReleaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelGate Open = new([], []);
    private static readonly ModelGate IncompleteCard = new(["intended use", "limitations"], []);
    private static readonly ModelGate RevokedData = new([], ["support v1 (release r1) was revoked at 2026-11-29 by co: consent withdrawn"]);

    private static Actor As(string name, params string[] roles) => new(name, roles.ToHashSet());

    private static readonly Actor Engineer = As("eng", Roles.MLEngineer);
    private static readonly Actor Manager = As("mgr", Roles.Manager);
    private static readonly Actor Compliance1 = As("co1", Roles.ComplianceOfficer);
    private static readonly Actor Compliance2 = As("co2", Roles.ComplianceOfficer);
    private static readonly Actor Reviewer = As("rev", Roles.Reviewer);

    /// <summary>Who may take each action, written out by hand from the issue as the oracle for the lifecycle table.</summary>
    private static readonly Dictionary<string, string[]> ExpectedRoles = new()
    {
        ["record-evaluation"] = [Actor.SystemRole, Roles.MLEngineer],
        ["submit"] = [Roles.MLEngineer, Roles.Manager],
        ["approve"] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
        ["reject"] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
        ["deploy"] = [Roles.Manager, Roles.MLEngineer],
        ["retire"] = [Roles.Manager, Roles.MLEngineer],
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
        Assert.Equal(ExpectedRoles.Keys.Order(), ModelRelease.Lifecycle.Rules.Select(r => r.Action).Distinct().Order());

    [Theory]
    [MemberData(nameof(ActionsAndRoles))]
    public void Every_action_admits_exactly_the_expected_roles(string action, string role)
    {
        var from = ModelRelease.Lifecycle.Rules.First(r => r.Action == action).From[0];
        var actor = As("someone", role);

        if (ExpectedRoles[action].Contains(role)) Assert.Equal(action, ModelRelease.Lifecycle.Check(from, action, actor, "because").Action);
        else Assert.Throws<ForbiddenTransition>(() => ModelRelease.Lifecycle.Check(from, action, actor, "because"));
    }

    [Fact]
    public void A_model_needs_a_complete_card_and_two_approvers_including_compliance_before_deployment()
    {
        var release = new ModelRelease("w1");
        release.Act("record-evaluation", Actor.System, Now, Open);

        var incomplete = Assert.Throws<ValidationError>(() => release.Act("submit", Engineer, Now, IncompleteCard));
        Assert.Equal("The model card is incomplete: add intended use, limitations.", incomplete.Message);
        Assert.Equal(ModelReleaseState.Evaluated, release.State);
        release.Act("submit", Engineer, Now, Open);
        Assert.Throws<ForbiddenTransition>(() => release.Act("approve", Engineer, Now, Open));
        Assert.Throws<ForbiddenTransition>(() => release.Act("approve", As("ann", Roles.Annotator), Now, Open));
        Assert.Equal("modelCard", Assert.Throws<ValidationError>(() => release.Act("approve", Manager, Now, IncompleteCard)).Field);
        release.Act("approve", Manager, Now, Open);
        Assert.Equal(ModelReleaseState.InReview, release.State);
        release.Act("approve", Compliance1, Now, Open);
        Assert.Equal(ModelReleaseState.Approved, release.State);
        Assert.Equal("comment", Assert.Throws<ValidationError>(() => release.Act("revoke", Compliance1, Now, Open)).Field);
        release.Act("deploy", Engineer, Now, Open);
        release.Act("retire", Engineer, Now, Open);
        Assert.Equal(ModelReleaseState.Retired, release.State);
    }

    [Fact]
    public void New_weights_send_the_model_back_to_Trained_with_no_approval()
    {
        var release = new ModelRelease("w1");
        release.Act("record-evaluation", Actor.System, Now, Open);
        release.ChangeWeights("w2");

        Assert.Equal((ModelReleaseState.Trained, "w2"), (release.State, release.WeightsHash));
        Assert.Empty(release.ValidApprovals);
        Assert.Throws<ValidationError>(() => release.Act("submit", Engineer, Now, Open));
    }

    [Fact]
    public void Revoked_training_data_blocks_submitting_approving_and_deploying_as_a_conflict_naming_the_revocation()
    {
        var evaluated = new ModelRelease("w1");
        evaluated.Act("record-evaluation", Engineer, Now, Open);
        var inReview = new ModelRelease("w1");
        inReview.Act("record-evaluation", Engineer, Now, Open);
        inReview.Act("submit", Engineer, Now, Open);
        var approved = new ModelRelease("w1");
        approved.Act("record-evaluation", Engineer, Now, Open);
        approved.Act("submit", Engineer, Now, Open);
        approved.Act("approve", Compliance1, Now, Open);
        approved.Act("approve", Reviewer, Now, Open);

        foreach (var (release, action, actor) in new[] { (evaluated, "submit", Engineer), (inReview, "approve", Compliance2), (approved, "deploy", Manager) })
        {
            var before = release.State;
            var refused = Assert.Throws<RefusedError>(() => release.Act(action, actor, Now, RevokedData));
            Assert.Equal(Refusal.Conflict, refused.Reason);
            Assert.Contains("trained on revoked data", refused.Message);
            Assert.Contains("consent withdrawn", refused.Message);
            Assert.Equal(before, release.State);
        }
        inReview.Act("reject", Reviewer, Now, RevokedData, "Trained on revoked data.");
        approved.Act("revoke", Compliance1, Now, RevokedData, "Its training data was revoked.");
        Assert.Equal((ModelReleaseState.Rejected, ModelReleaseState.Revoked), (inReview.State, approved.State));
    }

    /// <summary>
    /// Walks every sequence of actions by every kind of actor, under an open gate, an incomplete card and revoked
    /// training data, with changes of weights, until no new situation appears: a gated action under a closed gate
    /// never succeeds, and every Approved or Deployed release has enough valid approvals, one a compliance officer's,
    /// none the submitter's.
    /// </summary>
    [Fact]
    public void No_path_reaches_Approved_or_Deployed_without_the_gates()
    {
        Actor[] actors = [Engineer, Manager, Compliance1, Compliance2, Reviewer, Actor.System, As("admin", Roles.Administrator), As("ann", Roles.Annotator)];
        ModelGate[] gates = [Open, IncompleteCard, RevokedData];
        var moves = new List<(Action<ModelRelease> Move, bool ClosedGate)>();
        foreach (var rule in ModelRelease.Lifecycle.Rules)
            foreach (var actor in actors)
                foreach (var gate in gates)
                {
                    var closed = (gate == IncompleteCard && rule.Action is "submit" or "approve")
                                 || (gate == RevokedData && rule.Action is "submit" or "approve" or "deploy");
                    moves.Add((r => r.Act(rule.Action, actor, Now, gate, "because"), closed));
                }
        moves.Add((r => r.ChangeWeights(r.WeightsHash == "w1" ? "w2" : "w1"), false));

        string Signature(ModelRelease r) => string.Join("|", r.State, r.WeightsHash, r.SubmittedBy,
            string.Join(",", r.ValidApprovals.Select(a => a.Approver).Order()));
        ModelRelease Replay(IEnumerable<int> path)
        {
            var r = new ModelRelease("w1");
            foreach (var step in path) moves[step].Move(r);
            return r;
        }

        var seen = new HashSet<string> { Signature(new ModelRelease("w1")) };
        var queue = new Queue<List<int>>([[]]);
        var (approved, deployed) = (0, 0);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            for (var m = 0; m < moves.Count; m++)
            {
                var release = Replay(path);
                try { moves[m].Move(release); }
                catch (Exception e) when (e is ValidationError or ForbiddenTransition or RefusedError) { continue; }
                Assert.False(moves[m].ClosedGate, $"a gated action succeeded under a closed gate: {Signature(release)}");
                if (!seen.Add(Signature(release))) continue;
                if (release.State is ModelReleaseState.Approved or ModelReleaseState.Deployed)
                {
                    (approved, deployed) = release.State == ModelReleaseState.Approved ? (approved + 1, deployed) : (approved, deployed + 1);
                    var valid = release.ValidApprovals.ToList();
                    Assert.True(valid.Count >= 2, Signature(release));
                    Assert.Contains(valid, a => a.ByComplianceOfficer);
                    Assert.DoesNotContain(valid, a => a.Approver == release.SubmittedBy);
                    Assert.All(valid, a => Assert.Equal(release.WeightsHash, a.ContentHash));
                }
                queue.Enqueue([.. path, m]);
            }
        }
        Assert.True(approved > 0 && deployed > 0, "the walk never reached Approved and Deployed, so it proved nothing");
    }
}
