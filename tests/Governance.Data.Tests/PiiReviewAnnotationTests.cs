using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Pii;
using Governance.Core.PiiReview;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Data.Audit;
using Governance.Data.Datasets;
using Governance.Data.PiiReview;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

/// <summary>A PII review sent to annotators as a span project, and their final answers applied back as decisions.</summary>
public sealed class PiiReviewAnnotationTests(VersionDatabase database) : IClassFixture<VersionDatabase>
{
    private static readonly string[] Texts =
    [
        "Mail jane.doe@example.com today",
        "Call +44 20 7946 0958 now",
        "Ask Tom at the desk.",
        "Write to bob.smith@example.org soon",
    ];

    private AuditTrail Trail => new(database.Databases, TimeProvider.System);
    private PiiReviews Reviews => new(database.Databases, Trail, TimeProvider.System);
    private PiiFindingQueries Queries => new(database.Databases, PiiBlockingTypes.Default);
    private AnnotationProjects Projects => new(database.Databases, database.Catalog, TimeProvider.System);
    private AnnotationWork Work => new(database.Databases, Projects, TimeProvider.System);
    private AnnotationReviews AnnotationReviews => new(database.Databases, Projects, TimeProvider.System);
    private PiiAnnotationRounds Rounds => new(database.Databases, database.Catalog, Projects, Reviews);

    private async Task<Core.Datasets.DatasetVersion> ScannedAsync(string name)
    {
        var version = await database.ImportAsync(name, string.Concat(Texts.Select(t => JsonSerializer.Serialize(new { text = t }) + "\n")));
        await new DatasetPiiAudits(database.Databases, database.Catalog, TimeProvider.System).ComputeAsync(version, "compliance");
        return version;
    }

    private static object Spans(params (string Value, string Type)[] marks) => new
    {
        pii = marks.Select(m =>
        {
            var start = Texts.Single(t => t.Contains(m.Value)).IndexOf(m.Value, StringComparison.Ordinal);
            return new { start, end = start + m.Value.Length, label = m.Type };
        }).ToArray(),
    };

    /// <summary>One annotator answers records 1-3 (marks the e-mail, misses the phone number, adds "Tom") and record 4; a reviewer accepts 1-3 only.</summary>
    private async Task AnnotateAsync(string project)
    {
        var answers = new Dictionary<long, object>
        {
            [1] = Spans(("jane.doe@example.com", PiiTypes.Email)),
            [2] = Spans(),
            [3] = Spans(("Tom", PiiTypes.Person)),
            [4] = Spans(("bob.smith@example.org", PiiTypes.Email)),
        };
        for (var i = 0; i < Texts.Length; i++)
        {
            var task = (await Work.NextAsync(project, "ann"))!;
            await Work.SubmitAsync(project, task.Id, "ann", JsonSerializer.SerializeToElement(answers[task.Record]), task.Revision, 2);
            if (task.Record != 4) await AnnotationReviews.AcceptAsync(project, task.Record, task.Id, "rui");
        }
    }

    [Fact]
    public async Task Sending_creates_a_blind_span_project_over_the_version_labelled_with_finding_types()
    {
        var version = await ScannedAsync("sent");
        var project = await Rounds.SendAsync("sent", 1, new PiiAnnotationRequest(), "compliance");

        var rules = await Projects.RulesAsync(project.Name);
        var question = Assert.Single(rules.Questions);
        Assert.Equal(("sent-v1-pii", version.Id, 1, QuestionKind.Span), (project.Name, project.DatasetVersionId, project.Overlap, question.Kind));
        Assert.Equal([PiiTypes.Email, PiiTypes.Phone], question.LabelList.Take(2));
        Assert.Equal(Question.MaxLabels, question.LabelList.Count);
        Assert.Contains("not shown to you", project.Guidelines);
        Assert.Empty(rules.Annotators);
        Assert.Equal([project.Name], (await Rounds.ProjectsAsync(version.Id)).Select(p => p.Project.Name));
        var tooMany = await Assert.ThrowsAsync<ValidationError>(() => Rounds.SendAsync("sent", 1, new PiiAnnotationRequest("other", Types: PiiTypes.All), "compliance"));
        Assert.Equal("types", tooMany.Field);
    }

    [Fact]
    public async Task Final_spans_confirm_marked_findings_dismiss_unmarked_ones_add_missed_ones_and_leave_unreviewed_records_undecided()
    {
        var version = await ScannedAsync("applied");
        var project = (await Rounds.SendAsync("applied", 1, new PiiAnnotationRequest(), "compliance")).Name;
        await AnnotateAsync(project);

        var outcome = await Rounds.ApplyAsync("applied", 1, project, "compliance");

        Assert.Equal(new PiiAnnotationOutcome(1, 1, 1, 0, 1, 0), outcome);
        var findings = (await Queries.PageAsync(version.Id, new PiiFindingQuery())).Findings.ToDictionary(f => (f.Key.Ordinal, f.Key.Type));
        Assert.Equal(PiiDecision.Confirmed, findings[(0, PiiTypes.Email)].Decision);
        Assert.Equal(PiiDecision.Dismissed, findings[(1, PiiTypes.Phone)].Decision);
        Assert.Equal(new PiiFindingKey(2, "text", 4, 7, PiiTypes.Person), findings[(2, PiiTypes.Person)].Key);
        Assert.Equal(PiiDecision.Added, findings[(2, PiiTypes.Person)].Decision);
        Assert.Null(findings[(3, PiiTypes.Email)].Decision);
        Assert.Equal(4, findings.Count);
        Assert.All(findings.Values.Where(f => f.Decision is not null), f => Assert.Equal($"annotation project {project}", f.DecidedBy));
        await using var db = database.Databases.CreateDbContext();
        var trail = await db.AuditRows.Where(e => e.Entity == $"dataset-version:{version.Id}").ToListAsync();
        Assert.Equal(3, trail.Count);
        Assert.All(trail, e => Assert.Equal("compliance", e.Actor));
        Assert.All(trail, e => Assert.Contains($"annotation project '{project}'", e.After));
    }

    [Fact]
    public async Task Applying_twice_changes_nothing_the_second_time_and_keeps_earlier_decisions()
    {
        var version = await ScannedAsync("twice");
        var project = (await Rounds.SendAsync("twice", 1, new PiiAnnotationRequest(), "compliance")).Name;
        await AnnotateAsync(project);
        var phone = (await Queries.PageAsync(version.Id, new PiiFindingQuery(Type: PiiTypes.Phone))).Findings.Single().Key;
        await Reviews.DecideAsync(version.Id, [phone], PiiDecision.Confirmed, "officer");

        var first = await Rounds.ApplyAsync("twice", 1, project, "compliance");
        var before = (await Queries.PageAsync(version.Id, new PiiFindingQuery())).Findings;
        var second = await Rounds.ApplyAsync("twice", 1, project, "compliance");

        Assert.Equal(new PiiAnnotationOutcome(1, 0, 1, 1, 1, 0), first);
        Assert.Equal(new PiiAnnotationOutcome(0, 0, 0, 3, 1, 0), second);
        Assert.Equal(before, (await Queries.PageAsync(version.Id, new PiiFindingQuery())).Findings);
        Assert.Equal((PiiDecision.Confirmed, "officer"), before.Where(f => f.Key == phone).Select(f => (f.Decision!.Value, f.DecidedBy!)).Single());
    }

    [Fact]
    public async Task A_project_over_another_version_or_without_the_span_question_is_refused()
    {
        await ScannedAsync("mine");
        await ScannedAsync("theirs");
        var theirs = (await Rounds.SendAsync("theirs", 1, new PiiAnnotationRequest(), "compliance")).Name;
        await Projects.CreateAsync("mine", 1, new ProjectDefinition("topics", "", [new("topic", QuestionKind.SingleLabel, "Topic?", ["a", "b"])]), "manager");

        Assert.Equal("project", (await Assert.ThrowsAsync<ValidationError>(() => Rounds.ApplyAsync("mine", 1, theirs, "compliance"))).Field);
        Assert.Equal("project", (await Assert.ThrowsAsync<ValidationError>(() => Rounds.ApplyAsync("mine", 1, "topics", "compliance"))).Field);
    }
}
