using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Core.Releases;
using Governance.Tests.Shared;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Releases;

/// <summary>
/// Every user transition of the dataset release lifecycle, from every resting state it starts from, tried by every
/// role through the API: the roles the hand-written oracle allows succeed, every other gets 403 and changes nothing.
/// </summary>
public sealed class ReleaseTransitionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Who may take each action, written out by hand from the issue, independent of the lifecycle's own table.</summary>
    private static readonly Dictionary<string, string[]> Oracle = new()
    {
        ["submit"] = ["MLEngineer", "Manager"],
        ["waive"] = ["ComplianceOfficer"],
        ["request-changes"] = ["ComplianceOfficer", "Reviewer", "Manager"],
        ["approve"] = ["ComplianceOfficer", "Reviewer", "Manager"],
        ["reject"] = ["ComplianceOfficer", "Reviewer", "Manager"],
        ["publish"] = ["ComplianceOfficer", "Manager"],
        ["deprecate"] = ["ComplianceOfficer", "Manager"],
        ["revoke"] = ["ComplianceOfficer", "Manager"],
    };

    private readonly ReleaseHarness _releases = new(portal);

    /// <summary>Each user action with each state it leaves from; Draft is covered by submitting a new release.</summary>
    public static TheoryData<string, string> UserTransitions()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in DatasetRelease.Lifecycle.Rules.Where(r => !r.Roles.Contains(Actor.SystemRole)))
            foreach (var from in rule.From.Where(s => s != DatasetReleaseState.Draft))
                data.Add(rule.Action, from.ToString());
        return data;
    }

    [Fact]
    public void The_lifecycle_gives_each_user_action_to_exactly_the_roles_the_oracle_names()
    {
        var userRules = DatasetRelease.Lifecycle.Rules.Where(r => !r.Roles.Contains(Actor.SystemRole)).ToList();
        Assert.Equal(Oracle.Keys.Order(), userRules.Select(r => r.Action).Distinct().Order());
        foreach (var rule in userRules) Assert.Equal(Oracle[rule.Action].Order(), rule.Roles.Order());
    }

    [Theory]
    [MemberData(nameof(UserTransitions))]
    public async Task Allowed_roles_take_the_transition_and_every_other_role_gets_403_and_changes_nothing(string action, string from)
    {
        var shared = await _releases.ReachAsync(from);
        var before = await _releases.GetAsync(shared);
        foreach (var (role, user) in ExpectedAccess.DemoUserByRole)
        {
            if (Oracle[action].Contains(role))
            {
                var fresh = await _releases.ReachAsync(from);
                var taken = await _releases.ActAsync(user, fresh, action, audit: "pii");
                Assert.True(taken.StatusCode == HttpStatusCode.OK, $"{role} {action} from {from}: {(int)taken.StatusCode} {await taken.Content.ReadAsStringAsync()}");
                var last = Timeline(await _releases.GetAsync(fresh)).Last(s => s.GetProperty("actor").GetString() == user);
                Assert.Equal(action, last.GetProperty("action").GetString());
            }
            else
            {
                var refused = await _releases.ActAsync(user, shared, action, audit: "pii");
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role} {action} from {from}: {(int)refused.StatusCode}");
                var after = await _releases.GetAsync(shared);
                Assert.Equal(before.GetProperty("state").GetString(), after.GetProperty("state").GetString());
                Assert.Equal(Timeline(before).Count, Timeline(after).Count);
            }
        }
    }

    [Fact]
    public async Task Only_engineers_and_managers_submit_a_new_release()
    {
        var dataset = await _releases.UploadAsync();
        foreach (var user in new[] { "admin", "annotator", "reviewer", "compliance" })
        {
            var refused = await (await _releases.As(user)).PostAsync("/api/releases", Json(new { dataset, version = 1 }));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.DoesNotContain((await (await _releases.As("compliance")).GetFromJsonAsync<JsonElement[]>("/api/releases"))!,
            r => r.GetProperty("dataset").GetString() == dataset);
        Assert.Equal("AuditsFailed", (await _releases.SubmitAsync(dataset, "manager")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_system_steps_cannot_be_taken_by_anyone_through_the_API()
    {
        var id = await _releases.ReachAsync("AuditsFailed");
        foreach (var user in new[] { "compliance", "manager" })
        foreach (var action in new[] { "start-audits", "audits-passed", "audits-failed" })
            Assert.Contains((await _releases.ActAsync(user, id, action)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.Equal("AuditsFailed", (await _releases.GetAsync(id)).GetProperty("state").GetString());
    }

    private static List<JsonElement> Timeline(JsonElement release) => [.. release.GetProperty("timeline").EnumerateArray()];

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
