using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>What a Manager changes on a running project: gold records, the deadline, and who works on it.</summary>
public sealed class AnnotationManagement(IDbContextFactory<GovernanceDbContext> databases, AnnotationProjects projects, TimeProvider clock)
{
    /// <summary>Makes record <paramref name="record"/> (1-based) a gold record with known <paramref name="answers"/>.</summary>
    public async Task SetGoldAsync(string projectName, long record, JsonElement answers, string actor, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var item = await db.AnnotationItems.SingleOrDefaultAsync(i => i.ProjectId == summary.Project.Id && i.Ordinal == record - 1, cancellationToken)
            ?? throw new ValidationError("record", $"Project '{projectName}' has records 1 to {summary.Project.RecordCount}; there is no record {record}.");
        if (item.Assigned > 0 && item.GoldAnswers is null)
            throw new ValidationError("record", $"Record {record} is already handed out as ordinary work; choose a record nobody holds.");
        item.GoldAnswers = AnswerValidator.Canonicalize(summary.Questions, answers, await AnnotationWork.RecordAsync(db, item.Hash, cancellationToken));
        item.Open = false;
        db.AnnotationEvents.Add(new AnnotationEvent { ProjectId = item.ProjectId, Ordinal = item.Ordinal, Actor = actor, Kind = "gold", Answers = item.GoldAnswers, AtUtc = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets or clears the deadline.</summary>
    public async Task SetDeadlineAsync(string projectName, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        var id = (await projects.RulesAsync(projectName, cancellationToken)).Project.Id;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.AnnotationProjects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, deadline), cancellationToken);
    }

    /// <summary>
    /// Deactivates <paramref name="annotator"/> in the project and moves their unfinished tasks (assigned or returned)
    /// to <paramref name="to"/>, or back to the pool when <paramref name="to"/> is null. Returns how many moved.
    /// Submitted answers stay: they were work done.
    /// </summary>
    public async Task<int> DeactivateAsync(string projectName, string annotator, string? to, string actor, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        if (to is not null && (to == annotator || !summary.Admits(to)))
            throw new ValidationError("to", $"'{to}' cannot take over: name an active annotator of this project other than {annotator}, or leave it empty for the pool.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await db.AnnotationProjects.SingleAsync(p => p.Id == summary.Project.Id, cancellationToken);
        project.DeactivatedJson = JsonSerializer.Serialize(summary.Deactivated.Append(annotator).Distinct().Order(StringComparer.Ordinal));
        var open = await db.AnnotationTasks.Where(t => t.ProjectId == project.Id && t.Annotator == annotator
            && (t.State == TaskState.Assigned || t.State == TaskState.Returned)).ToListAsync(cancellationToken);
        var taken = to is null ? [] : (await db.AnnotationTasks.Where(t => t.ProjectId == project.Id && t.Annotator == to).Select(t => t.Ordinal).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var task in open)
        {
            task.State = TaskState.Released;
            task.Revision++;
            var handOver = to is not null && !taken.Contains(task.Ordinal);
            if (handOver)
                db.AnnotationTasks.Add(new AnnotationTask
                {
                    ProjectId = project.Id, Ordinal = task.Ordinal, Annotator = to!, State = TaskState.Assigned, Gold = task.Gold,
                    ShownOrder = task.ShownOrder is null ? null : Core.Annotation.Distribution.ShownOrder.For(project.Id, to!, task.Ordinal), AssignedUtc = clock.GetUtcNow(),
                });
            else if (!task.Gold) await AnnotationWork.ReleaseAsync(db, project, task.Ordinal, cancellationToken);
            db.AnnotationEvents.Add(AnnotationWork.Event(task, actor, handOver ? "reassigned" : "released", null, handOver ? $"to {to}" : "to the pool", clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return open.Count;
    }

    /// <summary>Lets a deactivated annotator take tasks in the project again.</summary>
    public async Task ReactivateAsync(string projectName, string annotator, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var project = await db.AnnotationProjects.SingleAsync(p => p.Id == summary.Project.Id, cancellationToken);
        project.DeactivatedJson = JsonSerializer.Serialize(summary.Deactivated.Where(a => a != annotator));
        await db.SaveChangesAsync(cancellationToken);
    }
}
