using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>A record waiting for review, or under it, with every annotator's current answer.</summary>
public sealed record ReviewItem(long Record, bool Disagreement, TaskView Content, IReadOnlyList<ReviewAnswer> Answers, string? FinalAnswers, string? ReviewedBy);

/// <summary>One annotator's answer as a reviewer sees it.</summary>
public sealed record ReviewAnswer(long TaskId, string Annotator, TaskState State, string? Answers, string? ShownOrder, DateTimeOffset? SubmittedUtc);

/// <summary>One line of a record's history.</summary>
public sealed record HistoryEntry(string Actor, string Kind, string? Answers, string? Comment, DateTimeOffset AtUtc);

/// <summary>
/// The reviewer's side: a queue with disagreements first; accepting an answer, returning one to its annotator with a
/// comment, or adjudicating a final answer. Nobody reviews a record they annotated.
/// </summary>
public sealed class AnnotationReviews(IDbContextFactory<GovernanceDbContext> databases, AnnotationProjects projects, TimeProvider clock)
{
    /// <summary>Records ready for review that <paramref name="reviewer"/> did not annotate: disagreements first, then by position.</summary>
    public async Task<(long Waiting, IReadOnlyList<(long Record, bool Disagreement)> Page)> QueueAsync(string projectName, string reviewer, int take = 50,
        CancellationToken cancellationToken = default)
    {
        var project = (await projects.RulesAsync(projectName, cancellationToken)).Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = db.AnnotationItems.Where(i => i.ProjectId == project.Id && i.ReadyForReview
            && !db.AnnotationTasks.Any(t => t.ProjectId == project.Id && t.Ordinal == i.Ordinal && t.Annotator == reviewer && !t.Gold));
        var page = await waiting.OrderByDescending(i => i.Disagreement).ThenBy(i => i.Ordinal).Take(Math.Clamp(take, 1, 500))
            .Select(i => new { i.Ordinal, i.Disagreement }).ToListAsync(cancellationToken);
        return (await waiting.LongCountAsync(cancellationToken), [.. page.Select(p => (p.Ordinal + 1, p.Disagreement))]);
    }

    /// <summary>Record <paramref name="record"/> (1-based) with its answers, for <paramref name="reviewer"/>.</summary>
    public async Task<ReviewItem> ItemAsync(string projectName, long record, string reviewer, CancellationToken cancellationToken = default)
    {
        var project = (await projects.RulesAsync(projectName, cancellationToken)).Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var item = await ItemAsync(db, project.Id, projectName, record, cancellationToken);
        // Annotation is blind: someone who holds the record as an annotator never sees the others' answers here.
        if (await db.AnnotationTasks.AnyAsync(t => t.ProjectId == project.Id && t.Ordinal == item.Ordinal && t.Annotator == reviewer && !t.Gold, cancellationToken))
            throw new RefusedError(Refusal.Forbidden, $"You annotated record {record}; another reviewer must review it.");
        var tasks = await db.AnnotationTasks.AsNoTracking().Where(t => t.ProjectId == project.Id && t.Ordinal == item.Ordinal && !t.Gold
            && (t.State == TaskState.Submitted || t.State == TaskState.Returned)).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var content = await AnnotationWork.RecordAsync(db, item.Hash, cancellationToken);
        var shown = TaskView.Of(new AnnotationTask { Ordinal = item.Ordinal, Annotator = reviewer, ShownOrder = Core.Annotation.Distribution.ShownOrder.AFirst }, projectName, content, 0, 0);
        return new ReviewItem(record, item.Disagreement, shown,
            [.. tasks.Select(t => new ReviewAnswer(t.Id, t.Annotator, t.State, t.Answers, t.ShownOrder, t.SubmittedUtc))], item.FinalAnswers, item.ReviewedBy);
    }

    /// <summary>Every submit, skip, return and decision on the record, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string projectName, long record, CancellationToken cancellationToken = default)
    {
        var project = (await projects.RulesAsync(projectName, cancellationToken)).Project;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.AnnotationEvents.AsNoTracking().Where(e => e.ProjectId == project.Id && e.Ordinal == record - 1).OrderBy(e => e.Id)
            .Select(e => new HistoryEntry(e.Actor, e.Kind, e.Answers, e.Comment, e.AtUtc)).ToListAsync(cancellationToken);
    }

    /// <summary>Makes task <paramref name="taskId"/>'s answer final (with all answers equal, any of them).</summary>
    public Task AcceptAsync(string projectName, long record, long taskId, string reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(projectName, record, reviewer, async (db, summary, item, tasks) =>
        {
            var chosen = tasks.SingleOrDefault(t => t.Id == taskId && t.State == TaskState.Submitted)
                ?? throw new ValidationError("taskId", $"Record {record} has no submitted answer {taskId}; pick one of {string.Join(", ", tasks.Where(t => t.State == TaskState.Submitted).Select(t => t.Id))}.");
            Finalize(item, chosen.Answers!, reviewer);
            db.AnnotationEvents.Add(AnnotationWork.Event(chosen, reviewer, "accepted", chosen.Answers, null, clock.GetUtcNow()));
            await Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Sets a final answer of the reviewer's own, checked like any answer.</summary>
    public Task AdjudicateAsync(string projectName, long record, JsonElement answers, string reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(projectName, record, reviewer, async (db, summary, item, tasks) =>
        {
            var canonical = AnswerValidator.Canonicalize(summary.Questions, answers, await AnnotationWork.RecordAsync(db, item.Hash, cancellationToken));
            Finalize(item, canonical, reviewer);
            db.AnnotationEvents.Add(new AnnotationEvent { ProjectId = item.ProjectId, Ordinal = item.Ordinal, Actor = reviewer, Kind = "adjudicated", Answers = canonical, AtUtc = clock.GetUtcNow() });
        }, cancellationToken);

    /// <summary>Sends task <paramref name="taskId"/> back to its annotator with <paramref name="comment"/>; the record waits for their new answer.</summary>
    public Task RejectAsync(string projectName, long record, long taskId, string comment, string reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(projectName, record, reviewer, async (db, summary, item, tasks) =>
        {
            if (string.IsNullOrWhiteSpace(comment)) throw new ValidationError("comment", "Say what to change: the annotator reads this comment.");
            var task = tasks.SingleOrDefault(t => t.Id == taskId && t.State == TaskState.Submitted)
                ?? throw new ValidationError("taskId", $"Record {record} has no submitted answer {taskId} to return.");
            task.State = TaskState.Returned;
            task.Returned = true;
            task.ReviewComment = comment.Trim();
            task.Revision++;
            item.Submitted--;
            await AnnotationWork.UpdateReadinessAsync(db, summary.Project, item, task, cancellationToken);
            db.AnnotationEvents.Add(AnnotationWork.Event(task, reviewer, "returned", null, task.ReviewComment, clock.GetUtcNow()));
        }, cancellationToken);

    private async Task DecideAsync(string projectName, long record, string reviewer,
        Func<GovernanceDbContext, ProjectRules, AnnotationItem, List<AnnotationTask>, Task> decide, CancellationToken cancellationToken)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await ItemAsync(db, summary.Project.Id, projectName, record, cancellationToken);
        var tasks = await db.AnnotationTasks.Where(t => t.ProjectId == item.ProjectId && t.Ordinal == item.Ordinal && !t.Gold).ToListAsync(cancellationToken);
        if (tasks.Any(t => t.Annotator == reviewer))
            throw new RefusedError(Refusal.Forbidden, $"You annotated record {record}; another reviewer must review it.");
        if (item.FinalAnswers is not null) throw new RefusedError(Refusal.Conflict, $"Record {record} was already reviewed by {item.ReviewedBy}.");
        if (!item.ReadyForReview)
            throw new RefusedError(Refusal.Conflict, $"Record {record} is not ready for review: {item.Submitted} of {summary.Project.Overlap} answers are in.");
        await decide(db, summary, item, tasks);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedError(Refusal.Conflict, $"Record {record} changed while you reviewed it; reload it.");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private void Finalize(AnnotationItem item, string answers, string reviewer)
    {
        item.FinalAnswers = answers;
        item.ReviewedBy = reviewer;
        item.ReviewedUtc = clock.GetUtcNow();
        item.ReadyForReview = false;
    }

    private static async Task<AnnotationItem> ItemAsync(GovernanceDbContext db, Guid project, string projectName, long record, CancellationToken cancellationToken) =>
        await db.AnnotationItems.SingleOrDefaultAsync(i => i.ProjectId == project && i.Ordinal == record - 1, cancellationToken)
        ?? throw new RefusedError(Refusal.NotFound, $"Project '{projectName}' has no record {record}.");
}
