using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Data.Audit;
using Governance.Tests.Shared.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests.Releases;

public sealed class ReleaseGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ReleaseHarness _releases = new(portal);

    private async Task AuditAsync(string dataset)
    {
        var compliance = await _releases.As("compliance");
        var version = $"/api/datasets/{dataset}/versions/1";
        await ReleaseHarness.MustAsync(compliance.PostAsJsonAsync($"{version}/pii-audit", new { threshold = 0.5 }));
        await ReleaseHarness.MustAsync(compliance.PostAsJsonAsync($"{version}/bias-audit", new { }));
        foreach (var audit in new[] { "pii-audit", "bias-audit" })
        {
            string? state = null;
            for (var attempt = 0; attempt < 150 && state is not ("Succeeded" or "Failed"); attempt++)
            {
                await Task.Delay(100);
                state = (await compliance.GetFromJsonAsync<JsonElement>($"{version}/{audit}")).GetProperty("state").GetString();
            }
            Assert.Equal("Succeeded", state);
        }
    }

    [Fact]
    public async Task A_version_with_clean_finished_audits_goes_straight_to_review()
    {
        var dataset = await _releases.UploadAsync();
        await AuditAsync(dataset);

        var release = await _releases.SubmitAsync(dataset);

        Assert.Equal("InReview", release.GetProperty("state").GetString());
        Assert.Equal(["submit", "start-audits", "audits-passed"], release.GetProperty("timeline").EnumerateArray().Skip(1).Select(s => s.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Unresolved_blocking_PII_or_missing_audits_fail_the_gate_naming_what_to_do()
    {
        var withEmail = await _releases.UploadAsync("{\"text\":\"Write to jane.doe@example.com today\"}\n{\"text\":\"Water is wet\"}\n");
        await AuditAsync(withEmail);
        var unaudited = await _releases.UploadAsync();

        var blocked = await _releases.SubmitAsync(withEmail);
        var missing = await _releases.SubmitAsync(unaudited);

        Assert.Equal("AuditsFailed", blocked.GetProperty("state").GetString());
        Assert.Contains("blocking finding(s) unresolved", Why(blocked));
        Assert.DoesNotContain("Bias audit", Why(blocked));
        Assert.Contains("no finished PII audit", Why(missing));
        Assert.Contains("no finished bias audit", Why(missing));
    }

    [Fact]
    public async Task A_waiver_needs_a_reason_and_the_audit_named_and_only_both_waived_open_the_review()
    {
        var id = await _releases.ReachAsync("AuditsFailed");

        var noReason = await _releases.ActAsync("compliance", id, "waive", comment: null, audit: "pii");
        var noAudit = await _releases.ActAsync("compliance", id, "waive", comment: "Synthetic data.");
        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "waive", "Synthetic data, no real people.", "pii"));
        var halfway = await _releases.GetAsync(id);
        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "waive", "Too few records to judge.", "bias"));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("comment", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noAudit.StatusCode);
        Assert.Contains("pii or bias", await noAudit.Content.ReadAsStringAsync());
        Assert.Equal("AuditsFailed", halfway.GetProperty("state").GetString());
        var release = await _releases.GetAsync(id);
        Assert.Equal("InReview", release.GetProperty("state").GetString());
        Assert.Equal(["pii", "bias"], release.GetProperty("waivers").EnumerateArray().Select(w => w.GetProperty("audit").GetString()));
    }

    [Fact]
    public async Task Rejecting_requesting_changes_and_revoking_need_a_comment_and_change_nothing_without_one()
    {
        var inReview = await _releases.ReachAsync("InReview");
        var published = await _releases.ReachAsync("Published");

        foreach (var (id, action) in new[] { (inReview, "reject"), (inReview, "request-changes"), (published, "revoke") })
        {
            var refused = await _releases.ActAsync("compliance", id, action, comment: " ");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("needs a comment", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal("InReview", (await _releases.GetAsync(inReview)).GetProperty("state").GetString());
        Assert.Equal("Published", (await _releases.GetAsync(published)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_is_a_conflict_naming_what_is_possible()
    {
        var id = await _releases.ReachAsync("InReview");

        var refused = await _releases.ActAsync("manager", id, "publish");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("possible: request-changes, approve, reject", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_step_is_in_the_audit_trail_with_the_comment_as_a_hash_only()
    {
        var id = await _releases.ReachAsync("InReview");
        await ReleaseHarness.MustAsync(_releases.ActAsync("reviewer", id, "reject", "Labels of record 2 are wrong"));

        var (_, rows) = await portal.Services.GetRequiredService<AuditTrail>().PageAsync(new AuditQuery(Entity: $"dataset-release:{id}"));

        Assert.Equal(["release-change-content", "release-submit", "release-start-audits", "release-audits-failed", "release-waive", "release-waive", "release-reject"],
            rows.Reverse().Select(r => r.Action));
        var reject = rows[0];
        Assert.Equal("reviewer", reject.Actor);
        Assert.Contains("InReview", reject.Before);
        Assert.Contains("Rejected", reject.After);
        Assert.Contains("commentSha256", reject.After);
        Assert.DoesNotContain("record 2", reject.After);
    }

    private static string Why(JsonElement release) =>
        release.GetProperty("timeline").EnumerateArray().Last().GetProperty("comment").GetString() ?? "";
}
