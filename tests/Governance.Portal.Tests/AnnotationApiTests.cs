using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

/// <summary>Two annotators, a reviewer and a manager through the API: distribution, refusals that change nothing, review and merge.</summary>
public sealed class AnnotationApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Records = """
        {"text":"The parcel arrived early, thank you!"}
        {"text":"Still waiting for my refund."}
        {"text":"Where can I change my address?"}
        """;

    private async Task CreateProjectAsync(HttpClient manager, string name)
    {
        await manager.ImportDatasetAsync($"{name}-data", Records);
        var created = await manager.PostAsJsonAsync("/api/annotation/projects", new
        {
            dataset = $"{name}-data", name, guidelines = "# Sentiment\nLabel the customer's **mood**. <script>alert(1)</script>",
            questions = new[] { new { key = "sentiment", kind = "SingleLabel", title = "Sentiment?", labels = new[] { "positive", "negative", "neutral" } } },
            overlap = 2, annotators = new[] { "annotator", "annotator2" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> NextAsync(HttpClient annotator, string project)
    {
        var response = await annotator.PostAsJsonAsync($"/api/annotation/projects/{project}/tasks/next", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient annotator, string project, JsonElement task, string label, int? revision = null) =>
        annotator.PostAsJsonAsync($"/api/annotation/projects/{project}/tasks/{task.GetProperty("id").GetInt64()}/submit",
            new { answers = new { sentiment = label }, revision = revision ?? task.GetProperty("revision").GetInt32(), seconds = 4.5 });

    [Fact]
    public async Task Bad_label_stale_submit_and_someone_elses_task_are_refused_with_a_clear_message_and_nothing_is_lost()
    {
        using var manager = await portal.SignedInAsync("manager");
        await CreateProjectAsync(manager, "refusals");
        using var ann = await portal.SignedInAsync("annotator");
        using var abe = await portal.SignedInAsync("annotator2");
        var task = await NextAsync(ann, "refusals");
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(ann, "refusals", task, "positive")).StatusCode);

        var outside = await SubmitAsync(ann, "refusals", task, "angry", revision: 1);
        var stale = await SubmitAsync(ann, "refusals", task, "negative", revision: 0);
        var foreign = await SubmitAsync(abe, "refusals", task, "negative", revision: 1);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("'angry' is not a label of this question; the labels are positive, negative, neutral", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since you opened it", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("is not assigned to you", await foreign.Content.ReadAsStringAsync());
        var kept = await ann.GetFromJsonAsync<JsonElement>($"/api/annotation/projects/refusals/tasks/{task.GetProperty("id").GetInt64()}");
        Assert.Equal(("""{"sentiment":"positive"}""", 1), (kept.GetProperty("answers").GetString(), kept.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Each_record_goes_to_two_annotators_a_reviewer_sees_the_disagreement_first_and_the_merge_makes_a_version()
    {
        using var manager = await portal.SignedInAsync("manager");
        await CreateProjectAsync(manager, "flow");
        using var ann = await portal.SignedInAsync("annotator");
        using var abe = await portal.SignedInAsync("annotator2");
        foreach (var (label1, label2) in new[] { ("positive", "positive"), ("negative", "neutral") })
        {
            Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(ann, "flow", await NextAsync(ann, "flow"), label1)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(abe, "flow", await NextAsync(abe, "flow"), label2)).StatusCode);
        }
        using var reviewer = await portal.SignedInAsync("reviewer");

        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/annotation/projects/flow/review");
        var first = queue.GetProperty("records")[0];
        Assert.Equal((2, 2L, true), (queue.GetProperty("waiting").GetInt32(), first.GetProperty("record").GetInt64(), first.GetProperty("disagreement").GetBoolean()));
        var adjudicated = await reviewer.PostAsJsonAsync("/api/annotation/projects/flow/review/2/adjudicate", new { answers = new { sentiment = "negative" } });
        Assert.Equal(HttpStatusCode.NoContent, adjudicated.StatusCode);
        var item = await reviewer.GetFromJsonAsync<JsonElement>("/api/annotation/projects/flow/review/1");
        var accept = await reviewer.PostAsJsonAsync("/api/annotation/projects/flow/review/1/accept", new { taskId = item.GetProperty("answers")[0].GetProperty("taskId").GetInt64() });
        Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);

        var project = await manager.GetFromJsonAsync<JsonElement>("/api/annotation/projects/flow");
        Assert.Equal((4L, 2L, 0L), (project.GetProperty("submitted").GetInt64(), project.GetProperty("reviewed").GetInt64(), project.GetProperty("gold").GetInt64()));
        var merge = await manager.PostAsJsonAsync("/api/annotation/projects/flow/merge", new { reviewedOnly = true });
        Assert.Equal(HttpStatusCode.Created, merge.StatusCode);
        var version = await merge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2L), (version.GetProperty("version").GetInt32(), version.GetProperty("records").GetInt64()));
        var export = await manager.GetStringAsync("/api/datasets/flow-data/versions/2/export?format=Canonical");
        Assert.Contains("\"annotation\":{\"sentiment\":\"negative\"}", export);
        var history = await manager.GetFromJsonAsync<JsonElement>("/api/annotation/projects/flow/records/2/history");
        Assert.Equal(["submitted", "submitted", "adjudicated"], history.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Only_annotators_take_tasks_only_reviewers_review_and_only_reviewers_or_managers_create_projects()
    {
        using var manager = await portal.SignedInAsync("manager");
        await CreateProjectAsync(manager, "roles");
        using var ann = await portal.SignedInAsync("annotator");
        using var reviewer = await portal.SignedInAsync("reviewer");
        using var engineer = await portal.SignedInAsync("engineer");

        Assert.Equal(HttpStatusCode.Forbidden, (await ann.PostAsJsonAsync("/api/annotation/projects", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/annotation/projects/roles/tasks/next", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ann.GetAsync("/api/annotation/projects/roles/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/annotation/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/annotation/projects/roles/quality")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/annotation/projects/roles/quality")).StatusCode);
    }
}
