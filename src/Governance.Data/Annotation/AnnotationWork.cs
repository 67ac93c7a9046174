using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Distribution;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>
/// An annotator's side of a project: the next task (work sent back first, then work in hand, then a gold record at
/// the gold rate, then the first record that needs more annotators), moving back and forth, drafts, submits and
/// skips. Every change checks the task is the caller's and carries the revision the caller saw.
/// </summary>
public sealed class AnnotationWork(IDbContextFactory<GovernanceDbContext> databases, AnnotationProjects projects, TimeProvider clock)
{
    /// <summary>Longest time on task one submit may add: a page left open overnight is not work.</summary>
    public const double MaxSecondsPerSubmit = 1800;

    /// <summary>The caller's next task in <paramref name="projectName"/>, or null when there is no more work for them.</summary>
    public async Task<TaskView?> NextAsync(string projectName, string annotator, CancellationToken cancellationToken = default)
    {
        var summary = await AdmittedAsync(projectName, annotator, cancellationToken);
        var project = summary.Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var mine = db.AnnotationTasks.Where(t => t.ProjectId == project.Id && t.Annotator == annotator);
        var inHand = await mine.Where(t => t.State == TaskState.Returned || t.State == TaskState.Assigned)
            .OrderBy(t => t.State == TaskState.Returned ? 0 : 1).ThenBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (inHand is not null) return await ViewAsync(db, project, inHand, cancellationToken);
        if (project.Deadline is { } deadline && clock.GetUtcNow() > deadline)
            throw new RefusedError(Refusal.Conflict, $"Project '{project.Name}' was due {deadline:yyyy-MM-dd HH:mm} UTC; no new tasks are handed out. Ask a Manager to extend it.");

        var questions = summary.Questions;
        var wantsPair = questions.Any(q => q.Kind == QuestionKind.Preference);
        var taskNumber = project.GoldRate > 0 ? await mine.LongCountAsync(cancellationToken) : 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var goldDue = GoldSchedule.IsGold(project.Id, annotator, taskNumber, project.GoldRate);
            var gold = goldDue ? await UndoneGoldAsync(db, project.Id, annotator, cancellationToken) : null;
            var ordinal = gold ?? await db.AnnotationItems.Where(i => i.ProjectId == project.Id && i.Open
                    && !db.AnnotationTasks.Any(t => t.ProjectId == project.Id && t.Ordinal == i.Ordinal && t.Annotator == annotator))
                .OrderBy(i => i.Ordinal).Select(i => (long?)i.Ordinal).FirstOrDefaultAsync(cancellationToken);
            // With the ordinary work done, gold records not yet answered still come, so every annotator meets all of them.
            if (ordinal is null && !goldDue && project.GoldRate > 0) ordinal = gold = await UndoneGoldAsync(db, project.Id, annotator, cancellationToken);
            if (ordinal is null) return null;
            if (gold is null)
            {
                var overlap = project.Overlap;
                var claimed = await db.AnnotationItems.Where(i => i.ProjectId == project.Id && i.Ordinal == ordinal && i.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Assigned, i => i.Assigned + 1).SetProperty(i => i.Open, i => i.Assigned + 1 < overlap), cancellationToken);
                if (claimed == 0) continue; // another annotator took the last place first
            }
            var task = new AnnotationTask
            {
                ProjectId = project.Id, Ordinal = ordinal.Value, Annotator = annotator, State = TaskState.Assigned, Gold = gold is not null,
                ShownOrder = wantsPair ? ShownOrder.For(project.Id, annotator, ordinal.Value) : null, AssignedUtc = clock.GetUtcNow(),
            };
            db.AnnotationTasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (turn is not null) await turn.DisposeAsync(); // reading the view needs no writer's turn
            return await ViewAsync(db, project, task, cancellationToken);
        }
        throw new RefusedError(Refusal.Conflict, "Many annotators asked for work at once; ask for the next task again.");
    }

    /// <summary>One of the caller's tasks.</summary>
    public async Task<TaskView> OpenAsync(string projectName, long taskId, string annotator, CancellationToken cancellationToken = default)
    {
        var project = (await projects.RulesAsync(projectName, cancellationToken)).Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ViewAsync(db, project, await OwnTaskAsync(db, project, taskId, annotator, cancellationToken), cancellationToken);
    }

    /// <summary>The caller's task before (<paramref name="forward"/> false) or after this one; after the last, the next new task.</summary>
    public async Task<TaskView?> NeighbourAsync(string projectName, long taskId, string annotator, bool forward, CancellationToken cancellationToken = default)
    {
        var project = (await projects.RulesAsync(projectName, cancellationToken)).Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var mine = Visible(db, project.Id, annotator);
        var neighbour = forward
            ? await mine.Where(t => t.Id > taskId).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken)
            : await mine.Where(t => t.Id < taskId).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is not null) return await ViewAsync(db, project, neighbour, cancellationToken);
        return forward ? await NextAsync(projectName, annotator, cancellationToken) : null;
    }

    /// <summary>Keeps unfinished answers on the server; they come back when the task is opened again.</summary>
    public async Task SaveDraftAsync(string projectName, long taskId, string annotator, JsonElement draft, CancellationToken cancellationToken = default)
    {
        var project = (await AdmittedAsync(projectName, annotator, cancellationToken)).Project;
        var raw = draft.GetRawText();
        if (raw.Length > 200_000) throw new ValidationError("draft", "The draft is larger than 200,000 characters.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var task = await OwnTaskAsync(db, project, taskId, annotator, cancellationToken);
        if (task.State is TaskState.Skipped or TaskState.Released) throw Closed(task);
        task.DraftAnswers = raw;
        await using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Submits answers for the caller's task, first time or again before review.</summary>
    public async Task<TaskView> SubmitAsync(string projectName, long taskId, string annotator, JsonElement answers, int revision, double seconds,
        CancellationToken cancellationToken = default)
    {
        var summary = await AdmittedAsync(projectName, annotator, cancellationToken);
        var project = summary.Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await OwnTaskAsync(db, project, taskId, annotator, cancellationToken);
        CheckRevision(task, revision);
        if (task.State is TaskState.Skipped or TaskState.Released) throw Closed(task);
        var item = await db.AnnotationItems.SingleAsync(i => i.ProjectId == project.Id && i.Ordinal == task.Ordinal, cancellationToken);
        if (item.FinalAnswers is not null && !task.Gold)
            throw new RefusedError(Refusal.Conflict, $"Record {task.Ordinal + 1} was already reviewed; answers can no longer change.");
        var record = await RecordAsync(db, item.Hash, cancellationToken);
        var canonical = AnswerValidator.Canonicalize(summary.Questions, answers, record);

        var counted = task.State == TaskState.Submitted;
        task.Answers = canonical;
        task.State = TaskState.Submitted;
        task.DraftAnswers = null;
        task.ReviewComment = null;
        task.SubmittedUtc = clock.GetUtcNow();
        task.Seconds += Math.Clamp(double.IsFinite(seconds) ? seconds : 0, 0, MaxSecondsPerSubmit);
        task.Revision++;
        if (!task.Gold)
        {
            if (!counted) item.Submitted++;
            await UpdateReadinessAsync(db, project, item, task, cancellationToken);
        }
        db.AnnotationEvents.Add(Event(task, annotator, counted ? "resubmitted" : "submitted", canonical, null, clock.GetUtcNow()));
        await SaveAsync(db, task, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (turn is not null) await turn.DisposeAsync(); // reading the view needs no writer's turn
        return await ViewAsync(db, project, task, cancellationToken, record);
    }

    /// <summary>Passes the task over with a reason; the record goes back to the pool for someone else.</summary>
    public async Task<TaskView?> SkipAsync(string projectName, long taskId, string annotator, string reason, int revision, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationError("reason", "Say why you skip this record (e.g. \"not English\", \"unsure\").");
        var project = (await AdmittedAsync(projectName, annotator, cancellationToken)).Project;
        // The skip commits and leaves the writer's turn before the next task is fetched, which takes its own.
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var task = await OwnTaskAsync(db, project, taskId, annotator, cancellationToken);
            CheckRevision(task, revision);
            if (task.State is not (TaskState.Assigned or TaskState.Returned))
                throw new RefusedError(Refusal.Conflict, $"Record {task.Ordinal + 1} is {task.State.ToString().ToLowerInvariant()}; only work in hand can be skipped.");
            task.State = TaskState.Skipped;
            task.SkipReason = reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
            task.Revision++;
            if (!task.Gold) await ReleaseAsync(db, project, task.Ordinal, cancellationToken);
            db.AnnotationEvents.Add(Event(task, annotator, "skipped", null, task.SkipReason, clock.GetUtcNow()));
            await SaveAsync(db, task, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await NextAsync(projectName, annotator, cancellationToken);
    }

    private static Task<long?> UndoneGoldAsync(GovernanceDbContext db, Guid project, string annotator, CancellationToken cancellationToken) =>
        db.AnnotationItems.Where(i => i.ProjectId == project && i.GoldAnswers != null
                && !db.AnnotationTasks.Any(t => t.ProjectId == project && t.Ordinal == i.Ordinal && t.Annotator == annotator))
            .OrderBy(i => i.Ordinal).Select(i => (long?)i.Ordinal).FirstOrDefaultAsync(cancellationToken);

    internal static Task ReleaseAsync(GovernanceDbContext db, AnnotationProject project, long ordinal, CancellationToken cancellationToken) =>
        db.AnnotationItems.Where(i => i.ProjectId == project.Id && i.Ordinal == ordinal)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Assigned, i => i.Assigned - 1).SetProperty(i => i.Open, true), cancellationToken);

    /// <summary>Marks the item ready for review once every annotator submitted, and whether their answers differ.</summary>
    internal static async Task UpdateReadinessAsync(GovernanceDbContext db, AnnotationProject project, AnnotationItem item, AnnotationTask changed, CancellationToken cancellationToken)
    {
        var answers = await db.AnnotationTasks.Where(t => t.ProjectId == project.Id && t.Ordinal == item.Ordinal && t.State == TaskState.Submitted && t.Id != changed.Id && !t.Gold)
            .Select(t => t.Answers!).ToListAsync(cancellationToken);
        if (changed.State == TaskState.Submitted) answers.Add(changed.Answers!);
        item.ReadyForReview = item.FinalAnswers is null && item.Submitted >= project.Overlap;
        item.Disagreement = AnswerValues.Differ(answers);
    }

    internal static AnnotationEvent Event(AnnotationTask task, string actor, string kind, string? answers, string? comment, DateTimeOffset atUtc) => new()
    {
        ProjectId = task.ProjectId, Ordinal = task.Ordinal, TaskId = task.Id, Actor = actor, Kind = kind, Answers = answers, Comment = comment,
        AtUtc = atUtc,
    };

    internal static async Task<DatasetRecord> RecordAsync(GovernanceDbContext db, string hash, CancellationToken cancellationToken) =>
        RecordParser.ParseCanonical(await db.RecordContents.Where(c => c.Hash == hash).Select(c => c.Json).SingleAsync(cancellationToken));

    private async Task<ProjectRules> AdmittedAsync(string projectName, string annotator, CancellationToken cancellationToken)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        if (!summary.Admits(annotator))
            throw new RefusedError(Refusal.Forbidden, $"You are not an annotator of project '{projectName}'. Ask its Manager to add you.");
        return summary;
    }

    private static IQueryable<AnnotationTask> Visible(GovernanceDbContext db, Guid project, string annotator) =>
        db.AnnotationTasks.Where(t => t.ProjectId == project && t.Annotator == annotator && t.State != TaskState.Skipped && t.State != TaskState.Released);

    private static async Task<AnnotationTask> OwnTaskAsync(GovernanceDbContext db, AnnotationProject project, long taskId, string annotator, CancellationToken cancellationToken)
    {
        var task = await db.AnnotationTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.ProjectId == project.Id, cancellationToken)
            ?? throw new RefusedError(Refusal.NotFound, $"Project '{project.Name}' has no task {taskId}.");
        return task.Annotator == annotator ? task
            : throw new RefusedError(Refusal.Forbidden, $"Task {taskId} (record {task.Ordinal + 1}) is not assigned to you; ask for your next task instead.");
    }

    private static void CheckRevision(AnnotationTask task, int revision)
    {
        if (task.Revision != revision)
            throw new RefusedError(Refusal.Conflict, $"Record {task.Ordinal + 1} changed since you opened it (you had revision {revision}, it is now {task.Revision}" +
                (task.State == TaskState.Returned ? ", returned by a reviewer" : "") + "). Reload the task; nothing was saved.");
    }

    private static RefusedError Closed(AnnotationTask task) =>
        new(Refusal.Conflict, $"Record {task.Ordinal + 1} is {task.State.ToString().ToLowerInvariant()}: it is no longer your task.");

    private static async Task SaveAsync(GovernanceDbContext db, AnnotationTask task, CancellationToken cancellationToken)
    {
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedError(Refusal.Conflict, $"Record {task.Ordinal + 1} was changed by someone else at the same moment. Reload the task; nothing was saved.");
        }
    }

    private static async Task<TaskView> ViewAsync(GovernanceDbContext db, AnnotationProject project, AnnotationTask task, CancellationToken cancellationToken,
        DatasetRecord? record = null)
    {
        record ??= RecordParser.ParseCanonical(await db.AnnotationItems.Where(i => i.ProjectId == project.Id && i.Ordinal == task.Ordinal)
            .Join(db.RecordContents, i => i.Hash, c => c.Hash, (_, c) => c.Json).SingleAsync(cancellationToken));
        var counts = await Visible(db, project.Id, task.Annotator).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Position = g.Count(t => t.Id <= task.Id) }).SingleAsync(cancellationToken);
        return TaskView.Of(task, project.Name, record, counts.Position, counts.Count);
    }
}
