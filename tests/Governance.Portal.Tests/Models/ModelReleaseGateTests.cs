using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Data.Audit;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests.Models;

public sealed class ModelReleaseGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ModelHarness _models = new(portal);

    [Fact]
    public async Task Submitting_with_an_incomplete_card_is_refused_naming_the_missing_sections_and_changes_nothing()
    {
        var model = await _models.RegisterAsync(card: false);
        var id = ModelHarness.ReleaseId(model);
        await ReleaseHarness.MustAsync((await _models.As("engineer")).PutAsJsonAsync($"/api/models/{model.GetProperty("id").GetString()}/card",
            new { intendedUse = "Support answers.", license = "Apache-2.0" }));

        var refused = await _models.ActAsync("engineer", id, "submit");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("modelCard", body);
        Assert.Contains("The model card is incomplete: add out-of-scope use, limitations, bias and fairness considerations.", body);
        var after = await _models.GetAsync(id);
        Assert.Equal("Evaluated", ModelHarness.State(after));
        Assert.DoesNotContain("submit", after.GetProperty("release").GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Two_approvals_need_a_compliance_officer_and_the_submitter_never_approves()
    {
        var model = await _models.ReachAsync("InReview", submitter: "manager");
        var id = ModelHarness.ReleaseId(model);

        Assert.DoesNotContain("approve", (await _models.GetAsync(id, "manager")).GetProperty("release").GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await _models.ActAsync("manager", id, "approve")).StatusCode);
        await ReleaseHarness.MustAsync(_models.ActAsync("reviewer", id, "approve"));
        await ReleaseHarness.MustAsync(_models.ActAsync("reviewer", id, "approve"));
        var oneApprover = await _models.GetAsync(id);
        await ReleaseHarness.MustAsync(_models.ActAsync("compliance", id, "approve"));

        Assert.Equal("InReview", ModelHarness.State(oneApprover));
        Assert.Equal("Approved", ModelHarness.State(await _models.GetAsync(id)));
    }

    [Fact]
    public async Task The_card_is_frozen_once_submitted()
    {
        var model = await _models.ReachAsync("InReview");

        var refused = await (await _models.As("engineer")).PutAsJsonAsync($"/api/models/{model.GetProperty("id").GetString()}/card", ModelHarness.CompleteCard);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("frozen once the model is submitted", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task New_weights_send_the_release_back_to_Trained_and_void_the_evaluation_until_it_is_recorded_again()
    {
        var model = await _models.RegisterAsync();
        var modelId = model.GetProperty("id").GetString()!;
        var engineer = await _models.As("engineer");

        var changed = await (await engineer.PutAsJsonAsync($"/api/models/{modelId}/artifact", new { artifactSha256 = ModelHarness.Hash('E') }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var refused = await _models.ActAsync("engineer", ModelHarness.ReleaseId(model), "submit");
        await ReleaseHarness.MustAsync(_models.RecordEvaluationAsync("engineer", modelId));

        Assert.Equal(("Trained", ModelHarness.Hash('e')), (ModelHarness.State(changed), changed.GetProperty("release").GetProperty("weightsHash").GetString()));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("evaluation").ValueKind);
        Assert.Contains("evaluation", changed.GetProperty("card").GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Evaluated", ModelHarness.State(await _models.GetAsync(ModelHarness.ReleaseId(model))));
    }

    [Fact]
    public async Task Revoking_a_dataset_release_marks_its_models_and_blocks_submitting_approving_and_deploying_them()
    {
        var dataset = await _models.Datasets.ReachAsync("Published");
        var evaluated = await _models.ReachAsync("Evaluated", releases: [dataset]);
        var inReview = await _models.ReachAsync("InReview", releases: [dataset]);
        var approved = await _models.ReachAsync("Approved", releases: [dataset]);
        var unrelated = await _models.ReachAsync("Evaluated");

        await ReleaseHarness.MustAsync(_models.Datasets.ActAsync("compliance", dataset, "revoke", "Consent withdrawn for part of the source."));
        var marked = await _models.GetAsync(ModelHarness.ReleaseId(evaluated));
        var refusals = new[]
        {
            await _models.ActAsync("engineer", ModelHarness.ReleaseId(evaluated), "submit"),
            await _models.ActAsync("compliance", ModelHarness.ReleaseId(inReview), "approve"),
            await _models.ActAsync("manager", ModelHarness.ReleaseId(approved), "deploy"),
        };

        Assert.True(marked.GetProperty("trainedOnRevokedData").GetBoolean());
        var lineage = Assert.Single(marked.GetProperty("trainedOn").EnumerateArray());
        Assert.True(lineage.GetProperty("revoked").GetBoolean());
        Assert.Equal("Consent withdrawn for part of the source.", lineage.GetProperty("revocationComment").GetString());
        Assert.Equal("compliance", lineage.GetProperty("revokedBy").GetString());
        Assert.True(lineage.GetProperty("revokedUtc").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        foreach (var refused in refusals)
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("trained on revoked data", body);
            Assert.Contains("Consent withdrawn", body);
        }
        Assert.Equal(["Evaluated", "InReview", "Approved"], await Task.WhenAll(new[] { evaluated, inReview, approved }
            .Select(async m => ModelHarness.State(await _models.GetAsync(ModelHarness.ReleaseId(m))))));
        Assert.False((await _models.GetAsync(ModelHarness.ReleaseId(unrelated))).GetProperty("trainedOnRevokedData").GetBoolean());
        var page = await (await _models.As("engineer")).GetStringAsync($"/models/{evaluated.GetProperty("id").GetString()}");
        Assert.Contains("id=\"revoked-data\"", page);
        Assert.Contains("Consent withdrawn for part of the source.", page);
        await ReleaseHarness.MustAsync(_models.ActAsync("compliance", ModelHarness.ReleaseId(approved), "revoke", "Its training data was revoked."));
        var (_, trail) = await portal.Services.GetRequiredService<AuditTrail>().PageAsync(new AuditQuery(Entity: $"model:{evaluated.GetProperty("id").GetString()}"));
        Assert.Contains(trail, r => r.Action == "model-trained-on-revoked-data" && r.Actor == "compliance");
    }

    [Fact]
    public async Task Every_model_release_step_and_card_edit_is_in_the_audit_trail_with_comments_as_hashes_only()
    {
        var model = await _models.ReachAsync("InReview");
        var id = ModelHarness.ReleaseId(model);
        await ReleaseHarness.MustAsync(_models.ActAsync("reviewer", id, "reject", "Limitations understate billing errors"));
        var audit = portal.Services.GetRequiredService<AuditTrail>();

        var (_, steps) = await audit.PageAsync(new AuditQuery(Entity: $"model-release:{id}"));
        var (_, versions) = await audit.PageAsync(new AuditQuery(Entity: $"model:{model.GetProperty("id").GetString()}"));

        Assert.Equal(["release-change-content", "release-record-evaluation", "release-submit", "release-reject"], steps.Reverse().Select(r => r.Action));
        var reject = steps[0];
        Assert.Equal("reviewer", reject.Actor);
        Assert.Contains("InReview", reject.Before);
        Assert.Contains("Rejected", reject.After);
        Assert.Contains("commentSha256", reject.After);
        Assert.DoesNotContain("billing", reject.After);
        Assert.Equal(["model-register", "model-card-edit"], versions.Reverse().Select(r => r.Action));
    }

    [Fact]
    public async Task The_inbox_lists_model_releases_waiting_for_the_user_and_not_their_own()
    {
        var waiting = await _models.ReachAsync("InReview");
        var own = await _models.ReachAsync("InReview", submitter: "manager");

        var compliance = Ids(await (await _models.As("compliance")).GetFromJsonAsync<JsonElement[]>("/api/model-releases/inbox"));
        var manager = Ids(await (await _models.As("manager")).GetFromJsonAsync<JsonElement[]>("/api/model-releases/inbox"));

        Assert.Contains(ModelHarness.ReleaseId(waiting), compliance);
        Assert.Contains(ModelHarness.ReleaseId(own), compliance);
        Assert.Contains(ModelHarness.ReleaseId(waiting), manager);
        Assert.DoesNotContain(ModelHarness.ReleaseId(own), manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _models.As("engineer")).GetAsync("/api/model-releases/inbox")).StatusCode);
    }

    private static List<string?> Ids(JsonElement[]? releases) => [.. releases!.Select(r => r.GetProperty("id").GetString())];
}
