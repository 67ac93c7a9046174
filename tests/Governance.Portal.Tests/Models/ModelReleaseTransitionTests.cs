using System.Net;
using System.Text.Json;
using Governance.Core.Releases;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Models;

/// <summary>
/// Every transition of the model release lifecycle, from every state it starts from, tried by every role through the
/// API: the roles the hand-written oracle allows succeed, every other gets 403 and changes nothing.
/// </summary>
public sealed class ModelReleaseTransitionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Who may take each action through the API, written out by hand from the issue, independent of the lifecycle's own table.</summary>
    private static readonly Dictionary<string, string[]> Oracle = new()
    {
        ["record-evaluation"] = ["MLEngineer"],
        ["submit"] = ["MLEngineer", "Manager"],
        ["approve"] = ["ComplianceOfficer", "Reviewer", "Manager"],
        ["reject"] = ["ComplianceOfficer", "Reviewer", "Manager"],
        ["deploy"] = ["MLEngineer", "Manager"],
        ["retire"] = ["MLEngineer", "Manager"],
        ["revoke"] = ["ComplianceOfficer", "Manager"],
    };

    private readonly ModelHarness _models = new(portal);

    /// <summary>Each action with each state it leaves from.</summary>
    public static TheoryData<string, string> Transitions()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in ModelRelease.Lifecycle.Rules)
            foreach (var from in rule.From)
                data.Add(rule.Action, from.ToString());
        return data;
    }

    [Fact]
    public void The_lifecycle_gives_each_user_action_to_exactly_the_roles_the_oracle_names()
    {
        var rules = ModelRelease.Lifecycle.Rules;
        Assert.Equal(Oracle.Keys.Order(), rules.Select(r => r.Action).Distinct().Order());
        foreach (var rule in rules) Assert.Equal(Oracle[rule.Action].Order(), rule.Roles.Where(r => r != Actor.SystemRole).Order());
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Allowed_roles_take_the_transition_and_every_other_role_gets_403_and_changes_nothing(string action, string from)
    {
        var shared = await _models.ReachAsync(from);
        foreach (var (role, user) in ExpectedAccess.DemoUserByRole)
        {
            if (Oracle[action].Contains(role))
            {
                var fresh = await _models.ReachAsync(from);
                var taken = await TakeAsync(user, fresh, action);
                Assert.True(taken.StatusCode == HttpStatusCode.OK, $"{role} {action} from {from}: {(int)taken.StatusCode} {await taken.Content.ReadAsStringAsync()}");
                var last = Timeline(await _models.GetAsync(ModelHarness.ReleaseId(fresh))).Last(s => s.GetProperty("actor").GetString() == user);
                Assert.Equal(action, last.GetProperty("action").GetString());
            }
            else
            {
                var refused = await TakeAsync(user, shared, action);
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role} {action} from {from}: {(int)refused.StatusCode}");
                var after = await _models.GetAsync(ModelHarness.ReleaseId(shared));
                Assert.Equal(from, ModelHarness.State(after));
                Assert.Equal(Timeline(shared).Count, Timeline(after).Count);
            }
        }
    }

    [Fact]
    public async Task Nobody_takes_record_evaluation_or_a_change_of_weights_through_the_generic_action_address()
    {
        var model = await _models.ReachAsync("Trained");

        foreach (var action in new[] { "record-evaluation", "change-content", "comment" })
            Assert.Equal(HttpStatusCode.BadRequest, (await _models.ActAsync("engineer", ModelHarness.ReleaseId(model), action)).StatusCode);
        Assert.Equal("Trained", ModelHarness.State(await _models.GetAsync(ModelHarness.ReleaseId(model))));
    }

    private Task<HttpResponseMessage> TakeAsync(string user, JsonElement model, string action) =>
        action == "record-evaluation" ? _models.RecordEvaluationAsync(user, model.GetProperty("id").GetString()!)
            : _models.ActAsync(user, ModelHarness.ReleaseId(model), action);

    private static List<JsonElement> Timeline(JsonElement model) => [.. model.GetProperty("release").GetProperty("timeline").EnumerateArray()];
}
