using System.Text;
using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Import;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Data.Datasets;
using Governance.Data.Providers;

namespace Governance.Data.Tests;

/// <summary>Distribution, returns, skips, gold, deadlines and reassignment on a real SQLite file.</summary>
public sealed class AnnotationWorkflowTests : IAsyncLifetime
{
    private static readonly Question Topic = new("topic", QuestionKind.SingleLabel, "Topic?", ["billing", "shipping"]);
    private readonly TemporaryFolder _folder = new();
    private ProviderContextFactory _databases = default!;
    private AnnotationProjects _projects = default!;
    private AnnotationWork _work = default!;
    private AnnotationReviews _reviews = default!;
    private AnnotationManagement _management = default!;

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "annotation.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, connection, MessagingTransport.InMemory, null, _folder.Path)).MigrateAsync();
        _databases = new ProviderContextFactory(DatabaseProvider.Sqlite, connection);
        _projects = new AnnotationProjects(_databases, new DatasetCatalog(_databases), TimeProvider.System);
        _work = new AnnotationWork(_databases, _projects, TimeProvider.System);
        _reviews = new AnnotationReviews(_databases, _projects, TimeProvider.System);
        _management = new AnnotationManagement(_databases, _projects, TimeProvider.System);
        var lines = string.Concat(Enumerable.Range(1, 20).Select(i => $"{{\"text\":\"ticket {i}\"}}\n"));
        var outcome = await new DatasetImporter(_databases, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines)),
            new ImportRequest("tickets", "helpdesk", "internal", "tests", "t.jsonl", ImportFormat.Jsonl, "tester"), ImportLimits.Default);
        Assert.True(outcome.Report.Accepted, outcome.Report.Summary);
    }

    private Task CreateAsync(string name, int overlap = 2, double goldRate = 0, DateTimeOffset? deadline = null) =>
        _projects.CreateAsync("tickets", null, new ProjectDefinition(name, "", [Topic], overlap, null, goldRate, deadline), "manager");

    private static JsonElement Answer(string topic) => JsonSerializer.SerializeToElement(new { topic });

    private async Task<TaskView> SubmitNextAsync(string project, string annotator, string topic)
    {
        var task = (await _work.NextAsync(project, annotator))!;
        return await _work.SubmitAsync(project, task.Id, annotator, Answer(topic), task.Revision, 3);
    }

    [Fact]
    public async Task Annotators_asking_at_once_never_get_a_record_more_often_than_the_overlap()
    {
        await CreateAsync("race", overlap: 1);
        var tasks = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => _work.NextAsync("race", $"a{i}")));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), tasks.Select(t => t!.Record).Order());
        Assert.Null(await _work.NextAsync("race", "late"));
    }

    [Fact]
    public async Task A_returned_answer_comes_back_first_with_the_comment_and_the_record_waits_for_it()
    {
        await CreateAsync("returns");
        var ann = await SubmitNextAsync("returns", "ann", "billing");
        await SubmitNextAsync("returns", "ben", "billing");
        await _reviews.RejectAsync("returns", 1, ann.Id, "It is about a parcel.", "rui");

        var back = (await _work.NextAsync("returns", "ann"))!;
        Assert.Equal((ann.Id, TaskState.Returned, "It is about a parcel."), (back.Id, back.State, back.ReviewComment));
        Assert.Equal(0, (await _reviews.QueueAsync("returns", "rui")).Waiting);
        await _work.SubmitAsync("returns", back.Id, "ann", Answer("shipping"), back.Revision, 2);
        var (waiting, page) = await _reviews.QueueAsync("returns", "rui");
        Assert.Equal((1L, true), (waiting, page[0].Disagreement));
    }

    [Fact]
    public async Task Nobody_reviews_or_even_opens_for_review_a_record_they_annotated()
    {
        await CreateAsync("own", overlap: 1);
        await SubmitNextAsync("own", "rui", "billing");
        Assert.Equal(0, (await _reviews.QueueAsync("own", "rui")).Waiting);
        var refused = await Assert.ThrowsAsync<RefusedError>(() => _reviews.AdjudicateAsync("own", 1, Answer("billing"), "rui"));
        Assert.Equal(Refusal.Forbidden, refused.Reason);
        Assert.Equal(Refusal.Forbidden, (await Assert.ThrowsAsync<RefusedError>(() => _reviews.ItemAsync("own", 1, "rui"))).Reason);
    }

    [Fact]
    public async Task A_skipped_record_goes_to_someone_else_and_a_reason_is_required()
    {
        await CreateAsync("skips", overlap: 1);
        var first = (await _work.NextAsync("skips", "ann"))!;
        Assert.Equal("reason", (await Assert.ThrowsAsync<ValidationError>(() => _work.SkipAsync("skips", first.Id, "ann", " ", first.Revision))).Field);
        var next = await _work.SkipAsync("skips", first.Id, "ann", "not English", first.Revision);
        Assert.Equal(2, next!.Record);
        Assert.Equal(1, (await _work.NextAsync("skips", "ben"))!.Record);
    }

    [Fact]
    public async Task Gold_records_are_mixed_into_the_work_scored_against_their_answers_and_never_reviewed()
    {
        await CreateAsync("gold", overlap: 1, goldRate: 0.5);
        foreach (var record in new long[] { 18, 19, 20 }) await _management.SetGoldAsync("gold", record, Answer("billing"), "manager");
        var records = new List<long>();
        while (await _work.NextAsync("gold", "ann") is { } task)
        {
            records.Add(task.Record);
            await _work.SubmitAsync("gold", task.Id, "ann", Answer("shipping"), task.Revision, 1);
        }
        // 17 ordinary records and the 3 gold ones, gold mixed in while ordinary work remains (the rate itself: DistributionTests).
        Assert.Equal(20, records.Count);
        Assert.Equal([18L, 19, 20], records.Where(r => r >= 18));
        Assert.True(records.IndexOf(18) < 17, $"gold came only at the end: {string.Join(",", records)}");
        var quality = await new AnnotationQuality(_databases, _projects).ReportAsync("gold");
        Assert.Equal((0.0, 3), (quality.Annotators[0].GoldAccuracy, quality.Annotators[0].GoldAnswered));
        Assert.DoesNotContain((await _reviews.QueueAsync("gold", "rui")).Page, p => p.Record >= 18);
    }

    [Fact]
    public async Task After_the_deadline_no_new_work_is_handed_out_but_work_in_hand_stays()
    {
        await CreateAsync("due", overlap: 1);
        var inHand = (await _work.NextAsync("due", "ann"))!;
        await _management.SetDeadlineAsync("due", DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(inHand.Id, (await _work.NextAsync("due", "ann"))!.Id);
        var refused = await Assert.ThrowsAsync<RefusedError>(() => _work.NextAsync("due", "ben"));
        Assert.Contains("no new tasks are handed out", refused.Message);
    }

    [Fact]
    public async Task Deactivating_an_annotator_moves_their_open_work_to_another_and_keeps_their_answers()
    {
        await CreateAsync("leave", overlap: 1);
        await SubmitNextAsync("leave", "ann", "billing");
        var open = (await _work.NextAsync("leave", "ann"))!;

        Assert.Equal(1, await _management.DeactivateAsync("leave", "ann", "ben", "manager"));
        Assert.Equal(Refusal.Forbidden, (await Assert.ThrowsAsync<RefusedError>(() => _work.NextAsync("leave", "ann"))).Reason);
        Assert.Equal(open.Record, (await _work.NextAsync("leave", "ben"))!.Record);
        Assert.Equal(1, (await _projects.FindAsync("leave")).Submitted);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
