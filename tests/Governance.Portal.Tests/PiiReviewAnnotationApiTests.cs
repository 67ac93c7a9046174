using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class PiiReviewAnnotationApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Version = "/api/datasets/spanned/versions/1";
    private const string Text = "Mail jane.doe@example.com or call +44 20 7946 0958";

    [Fact]
    public async Task Only_a_compliance_officer_sends_the_review_to_annotators_and_applies_their_accepted_spans()
    {
        var compliance = await portal.AuditedAsync("spanned", JsonSerializer.Serialize(new { text = Text }) + "\n");
        using var annotator = await portal.SignedInAsync("annotator");
        using var reviewer = await portal.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.PostAsJsonAsync($"{Version}/pii-findings/annotation-projects", new { })).StatusCode);

        var sent = await compliance.PostAsJsonAsync($"{Version}/pii-findings/annotation-projects", new { project = "spanned-pii" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var next = await annotator.PostAsJsonAsync("/api/annotation/projects/spanned-pii/tasks/next", new { });
        Assert.True(next.StatusCode == HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
        var task = await next.Content.ReadFromJsonAsync<JsonElement>();
        var email = Text.IndexOf("jane", StringComparison.Ordinal);
        var answers = new { pii = new[] { new { start = email, end = email + "jane.doe@example.com".Length, label = "EMAIL_ADDRESS" } } };
        var id = task.GetProperty("id").GetInt64();
        var submitted = await annotator.PostAsJsonAsync($"/api/annotation/projects/spanned-pii/tasks/{id}/submit", new { answers, revision = task.GetProperty("revision").GetInt32() });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        (await reviewer.PostAsJsonAsync("/api/annotation/projects/spanned-pii/review/1/accept", new { taskId = id })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.PostAsJsonAsync($"{Version}/pii-findings/annotation-projects/spanned-pii/apply", new { })).StatusCode);
        var applied = await compliance.PostAsJsonAsync($"{Version}/pii-findings/annotation-projects/spanned-pii/apply", new { });
        var outcome = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 0), (outcome.GetProperty("confirmed").GetInt32(), outcome.GetProperty("dismissed").GetInt32(), outcome.GetProperty("added").GetInt32()));
        var findings = (await compliance.GetFromJsonAsync<JsonElement>($"{Version}/pii-findings")).GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("type").GetString()!, f => (f.GetProperty("decision").GetString(), f.GetProperty("decidedBy").GetString()));
        Assert.Equal(("Confirmed", "annotation project spanned-pii"), findings["EMAIL_ADDRESS"]);
        Assert.Equal(("Dismissed", "annotation project spanned-pii"), findings["PHONE_NUMBER"]);
    }
}
