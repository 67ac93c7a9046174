using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class BiasAuditApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Configuration = """
        {"axes":[{"name":"gender","groups":[{"name":"female","terms":["she"]},{"name":"male","terms":["he"]}]}],
         "negativeTerms":["angry"],"thresholds":{"fail":0.8,"warn":0.9,"minimumRecords":1}}
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Only_a_compliance_officer_changes_the_configuration_and_a_bad_field_is_named()
    {
        using var compliance = await portal.SignedInAsync("compliance");
        using var engineer = await portal.SignedInAsync("engineer");
        var before = await engineer.GetFromJsonAsync<JsonElement>("/api/bias/configuration");

        var forbidden = await engineer.PutAsync("/api/bias/configuration", Json(Configuration));
        var bad = await compliance.PutAsync("/api/bias/configuration", Json("""{"axes":[{"name":"gender","groups":[]}]}"""));
        var unchanged = await engineer.GetFromJsonAsync<JsonElement>("/api/bias/configuration");
        var saved = await compliance.PutAsync("/api/bias/configuration", Json(Configuration));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("axes[0].groups", await bad.Content.ReadAsStringAsync());
        Assert.Equal(before.GetProperty("hash").GetString(), unchanged.GetProperty("hash").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("updatedBy").ValueKind);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("compliance", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task A_compliance_officer_runs_a_bias_audit_in_the_background_and_a_reviewer_may_read_but_not_run_it()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        await engineer.ImportDatasetAsync("stories", "{\"text\":\"She was angry\"}\n{\"text\":\"He smiled\"}\n{\"text\":\"He was angry\"}\n");
        using var compliance = await portal.SignedInAsync("compliance");
        using var reviewer = await portal.SignedInAsync("reviewer");
        const string audit = "/api/datasets/stories/versions/1/bias-audit";

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync(audit, Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await compliance.PostAsync(audit + "/cancel", Json("{}"))).StatusCode);
        var hash = (await compliance.GetFromJsonAsync<JsonElement>("/api/bias/configuration")).GetProperty("hash").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await compliance.PostAsync(audit, Json("{}"))).StatusCode);

        JsonElement run = default;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            run = await reviewer.GetFromJsonAsync<JsonElement>(audit);
            if (run.GetProperty("state").GetString() is "Succeeded" or "Failed") break;
            await Task.Delay(200);
        }
        Assert.Equal("Succeeded", run.GetProperty("state").GetString());
        Assert.Equal(hash, run.GetProperty("configurationHash").GetString());
        Assert.Equal(3, run.GetProperty("recordsDone").GetInt64());
        Assert.Equal(3, run.GetProperty("result").GetProperty("records").GetInt64());
        Assert.Equal("compliance", run.GetProperty("requestedBy").GetString());
    }

    [Fact]
    public async Task An_annotator_may_neither_read_audits_nor_the_configuration()
    {
        using var annotator = await portal.SignedInAsync("annotator");

        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync("/api/bias/configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.PutAsync("/api/bias/configuration", Json(Configuration))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync("/api/datasets/stories/versions/1/bias-audit")).StatusCode);
    }
}
