using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Data.Releases;
using Governance.Tests.Shared.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests.Releases;

public sealed class ReleaseApprovalTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ReleaseHarness _releases = new(portal);

    [Fact]
    public async Task Submitter_cannot_approve_own_release_and_is_not_offered_to()
    {
        var id = await _releases.ReachAsync("InReview", submitter: "manager");

        var offered = (await _releases.GetAsync(id, "manager")).GetProperty("actions").EnumerateArray().Select(a => a.GetString());
        var refused = await _releases.ActAsync("manager", id, "approve");

        Assert.DoesNotContain("approve", offered);
        Assert.Contains("reject", offered);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty((await _releases.GetAsync(id)).GetProperty("approvals").EnumerateArray());
    }

    [Fact]
    public async Task Two_approvals_without_a_compliance_officer_leave_the_release_in_review()
    {
        var id = await _releases.ReachAsync("InReview");

        await ReleaseHarness.MustAsync(_releases.ActAsync("reviewer", id, "approve"));
        await ReleaseHarness.MustAsync(_releases.ActAsync("manager", id, "approve"));
        var waiting = await _releases.GetAsync(id);
        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "approve"));

        Assert.Equal("InReview", waiting.GetProperty("state").GetString());
        Assert.Equal("Approved", (await _releases.GetAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_same_approver_twice_counts_once()
    {
        var id = await _releases.ReachAsync("InReview");

        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "approve"));
        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "approve"));

        var release = await _releases.GetAsync(id);
        Assert.Equal("InReview", release.GetProperty("state").GetString());
        Assert.DoesNotContain("approve", release.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Pointing_the_release_at_changed_content_voids_its_approvals_and_waivers()
    {
        var id = await _releases.ReachAsync("InReview");
        var dataset = (await _releases.GetAsync(id)).GetProperty("dataset").GetString();
        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "approve"));
        await ReleaseHarness.MustAsync(_releases.ActAsync("reviewer", id, "request-changes", "Record 1 needs a source."));
        var engineer = await _releases.As("engineer");
        await ReleaseHarness.MustAsync(engineer.PutAsJsonAsync($"/api/datasets/{dataset}/versions/1/records/1/metadata", new { source = "manual" }));

        await ReleaseHarness.MustAsync(engineer.PutAsJsonAsync($"/api/releases/{id}/version", new { version = 2 }));
        var changed = await _releases.GetAsync(id);
        await ReleaseHarness.MustAsync(_releases.ActAsync("engineer", id, "submit"));
        var resubmitted = await _releases.GetAsync(id);

        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.All(changed.GetProperty("approvals").EnumerateArray(), a => Assert.False(a.GetProperty("counts").GetBoolean()));
        Assert.Empty(changed.GetProperty("waivers").EnumerateArray());
        Assert.Equal("AuditsFailed", resubmitted.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_evidence_diffs_against_the_highest_earlier_version_of_the_dataset_whose_release_was_approved()
    {
        var approved = await _releases.ReachAsync("Approved");
        var dataset = (await _releases.GetAsync(approved)).GetProperty("dataset").GetString()!;
        var engineer = await _releases.As("engineer");
        await ReleaseHarness.MustAsync(engineer.PutAsJsonAsync($"/api/datasets/{dataset}/versions/1/records/1/metadata", new { source = "manual" }));
        await ReleaseHarness.MustAsync(engineer.PutAsJsonAsync($"/api/datasets/{dataset}/versions/2/records/1/metadata", new { source = "call" }));
        var second = await _releases.SubmitAsync(dataset, version: 2); // audits failed: not approved
        var third = await _releases.SubmitAsync(dataset, version: 3);
        var queries = portal.Services.GetRequiredService<ReleaseQueries>();
        static Guid VersionOf(JsonElement release) => Guid.Parse(release.GetProperty("versionId").GetString()!);

        Assert.Equal(1, await queries.PreviousApprovedVersionAsync(VersionOf(third)));
        Assert.Equal(1, await queries.PreviousApprovedVersionAsync(VersionOf(second)));
        Assert.Null(await queries.PreviousApprovedVersionAsync(VersionOf(await _releases.GetAsync(approved))));
    }

    [Fact]
    public async Task The_inbox_lists_what_waits_for_the_user_and_not_what_they_submitted_or_approved()
    {
        var failed = await _releases.ReachAsync("AuditsFailed");
        var inReview = await _releases.ReachAsync("InReview");
        var ownInReview = await _releases.ReachAsync("InReview", submitter: "manager");
        await ReleaseHarness.MustAsync(_releases.ActAsync("reviewer", inReview, "approve"));

        var compliance = Ids(await (await _releases.As("compliance")).GetFromJsonAsync<JsonElement[]>("/api/releases/inbox"));
        var reviewer = Ids(await (await _releases.As("reviewer")).GetFromJsonAsync<JsonElement[]>("/api/releases/inbox"));
        var manager = Ids(await (await _releases.As("manager")).GetFromJsonAsync<JsonElement[]>("/api/releases/inbox"));

        Assert.Contains(failed, compliance);
        Assert.Contains(inReview, compliance);
        Assert.DoesNotContain(failed, reviewer);
        Assert.DoesNotContain(inReview, reviewer);
        Assert.Contains(ownInReview, reviewer);
        Assert.DoesNotContain(ownInReview, manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _releases.As("engineer")).GetAsync("/api/releases/inbox")).StatusCode);
    }

    private static List<string?> Ids(JsonElement[]? releases) => [.. releases!.Select(r => r.GetProperty("id").GetString())];
}
