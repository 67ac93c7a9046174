using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class PiiReviewApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Version = "/api/datasets/reviewed/versions/1";

    private async Task<(HttpClient Compliance, HttpClient Engineer, HttpClient Reviewer)> AuditedAsync()
    {
        var compliance = await portal.AuditedAsync("reviewed", "{\"text\":\"Mail jane.doe@example.com or call +44 20 7946 0958\"}\n");
        return (compliance, await portal.SignedInAsync("engineer"), await portal.SignedInAsync("reviewer"));
    }

    private static async Task<long> BlockingAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Version}/pii-review")).GetProperty("unresolvedBlocking").GetInt64();

    [Fact]
    public async Task Only_a_compliance_officer_decides_and_a_refused_decision_changes_nothing()
    {
        var (compliance, engineer, reviewer) = await AuditedAsync();
        var findings = (await reviewer.GetFromJsonAsync<JsonElement>($"{Version}/pii-findings")).GetProperty("findings").EnumerateArray().ToList();
        var phone = findings.Single(f => f.GetProperty("type").GetString() == "PHONE_NUMBER");
        var decision = new { decision = "dismiss", findings = new[] { phone } };
        Assert.Equal(2, await BlockingAsync(reviewer));

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"{Version}/pii-findings/decisions", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostAsJsonAsync($"{Version}/pii-findings/bulk", new { decision = "dismiss", type = "PHONE_NUMBER" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostAsJsonAsync($"{Version}/pii-findings/missed", new { record = 1, field = "text", start = 0, end = 4, type = "PERSON" })).StatusCode);
        Assert.Equal(2, await BlockingAsync(reviewer));

        var bad = await compliance.PostAsJsonAsync($"{Version}/pii-findings/missed", new { record = 1, field = "text", start = 0, end = 400, type = "PERSON" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"end\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await compliance.PostAsJsonAsync($"{Version}/pii-findings/decisions", decision)).StatusCode);
        Assert.Equal(1, await BlockingAsync(reviewer));
        var decided = (await reviewer.GetFromJsonAsync<JsonElement>($"{Version}/pii-findings?type=PHONE_NUMBER")).GetProperty("findings")[0];
        Assert.Equal(("Dismissed", "compliance"), (decided.GetProperty("decision").GetString(), decided.GetProperty("decidedBy").GetString()));
        Assert.DoesNotContain("7946", await (await reviewer.GetAsync($"{Version}/pii-review")).Content.ReadAsStringAsync());
    }
}
