using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>A project with its questions and who works on it: what every task, submit and decision checks, read in one indexed query.</summary>
public sealed record ProjectRules(AnnotationProject Project, IReadOnlyList<Question> Questions, IReadOnlyList<string> Annotators, IReadOnlyList<string> Deactivated)
{
    /// <summary>Whether <paramref name="userName"/> may take tasks: named (or the pool) and not deactivated here.</summary>
    public bool Admits(string userName) => (Annotators.Count == 0 || Annotators.Contains(userName)) && !Deactivated.Contains(userName);

    internal static ProjectRules Of(AnnotationProject project) => new(project, ProjectDefinition.ReadQuestions(project.QuestionsJson),
        JsonSerializer.Deserialize<List<string>>(project.AnnotatorsJson)!, JsonSerializer.Deserialize<List<string>>(project.DeactivatedJson)!);
}

/// <summary>A project with the facts its pages show: its dataset version and progress (counts that read the whole project).</summary>
public sealed record ProjectSummary(ProjectRules Rules, string Dataset, int VersionNumber, long Submitted, long Reviewed, long Gold)
{
    public AnnotationProject Project => Rules.Project;

    public IReadOnlyList<Question> Questions => Rules.Questions;

    public IReadOnlyList<string> Annotators => Rules.Annotators;

    public IReadOnlyList<string> Deactivated => Rules.Deactivated;

    /// <inheritdoc cref="ProjectRules.Admits"/>
    public bool Admits(string userName) => Rules.Admits(userName);
}

/// <summary>Creating annotation projects over a dataset version, finding them, and who works on them.</summary>
public sealed class AnnotationProjects(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    /// <summary>Creates the project and one item per record of the version, all or nothing.</summary>
    public async Task<AnnotationProject> CreateAsync(string datasetName, int? versionNumber, ProjectDefinition definition, string actor,
        CancellationToken cancellationToken = default)
    {
        var (_, version) = await catalog.FindAsync(datasetName, versionNumber, cancellationToken);
        definition.Validate(version.Shape);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.AnnotationProjects.AnyAsync(p => p.Name == definition.Name, cancellationToken))
            throw new ValidationError("name", $"A project named '{definition.Name}' exists; choose another name.");
        var annotators = (definition.Annotators ?? []).Distinct(StringComparer.Ordinal).ToList();
        var known = await ActiveAnnotatorsAsync(db, cancellationToken);
        var unknown = annotators.FirstOrDefault(a => !known.Contains(a));
        if (unknown is not null) throw new ValidationError("annotators", $"'{unknown}' is not an active user with the {Roles.Annotator} role.");

        var project = new AnnotationProject
        {
            Id = Guid.NewGuid(), Name = definition.Name.Trim(), DatasetVersionId = version.Id, Guidelines = definition.Guidelines ?? "",
            QuestionsJson = definition.QuestionsJson(), Overlap = definition.Overlap, AnnotatorsJson = JsonSerializer.Serialize(annotators),
            GoldRate = definition.GoldRate, Deadline = definition.Deadline, RecordCount = version.RecordCount, CreatedBy = actor, CreatedUtc = clock.GetUtcNow(),
        };
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AnnotationProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO AnnotationItems (ProjectId, Ordinal, Hash, Assigned, Submitted, [Open], ReadyForReview, Disagreement) " +
            "SELECT {0}, Ordinal, Hash, 0, 0, 1, 0, 0 FROM VersionEntries WHERE VersionId = {1}",
            [VersionRows.Key(db, project.Id), VersionRows.Key(db, version.Id)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project;
    }

    /// <summary>Every project, newest first.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var projects = await db.AnnotationProjects.AsNoTracking().ToListAsync(cancellationToken);
        var result = new List<ProjectSummary>();
        foreach (var project in projects.OrderByDescending(p => p.CreatedUtc)) result.Add(await SummarizeAsync(db, project, cancellationToken));
        return result;
    }

    /// <summary>The project named <paramref name="name"/>, or a 404 naming it.</summary>
    public async Task<ProjectSummary> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var project = await db.AnnotationProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == name, cancellationToken)
            ?? throw new RefusedError(Refusal.NotFound, $"There is no annotation project named '{name}'.");
        return await SummarizeAsync(db, project, cancellationToken);
    }

    /// <summary>The project's rules without its counts: what the hot paths (next task, submit) read.</summary>
    public async Task<ProjectRules> RulesAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var project = await db.AnnotationProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == name, cancellationToken)
            ?? throw new RefusedError(Refusal.NotFound, $"There is no annotation project named '{name}'.");
        return ProjectRules.Of(project);
    }

    /// <summary>Per project id, how many records <paramref name="annotator"/> has submitted and how many they hold unfinished.</summary>
    public async Task<IReadOnlyDictionary<Guid, (int Submitted, int InHand)>> ProgressOfAsync(string annotator, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var counts = await db.AnnotationTasks.Where(t => t.Annotator == annotator).GroupBy(t => t.ProjectId).Select(g => new
        {
            Project = g.Key,
            Submitted = g.Count(t => t.State == TaskState.Submitted),
            InHand = g.Count(t => t.State == TaskState.Assigned || t.State == TaskState.Returned),
        }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Project, c => (c.Submitted, c.InHand));
    }

    /// <summary>User names of active users holding the Annotator role.</summary>
    public async Task<IReadOnlyList<string>> AnnotatorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return [.. (await ActiveAnnotatorsAsync(db, cancellationToken)).Order(StringComparer.Ordinal)];
    }

    internal static async Task<HashSet<string>> ActiveAnnotatorsAsync(GovernanceDbContext db, CancellationToken cancellationToken) =>
        (await (from user in db.Users
                join membership in db.UserRoles on user.Id equals membership.UserId
                join role in db.Roles on membership.RoleId equals role.Id
                where role.Name == Roles.Annotator && user.IsActive
                select user.UserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private static async Task<ProjectSummary> SummarizeAsync(GovernanceDbContext db, AnnotationProject project, CancellationToken cancellationToken)
    {
        var version = await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == project.DatasetVersionId, cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.DatasetId, cancellationToken);
        // One pass over the project's items for both counts: a large project has a row per record.
        var counts = await db.AnnotationItems.Where(i => i.ProjectId == project.Id).GroupBy(_ => 1)
            .Select(g => new { Reviewed = g.LongCount(i => i.FinalAnswers != null), Gold = g.LongCount(i => i.GoldAnswers != null) })
            .SingleOrDefaultAsync(cancellationToken);
        return new ProjectSummary(ProjectRules.Of(project), dataset.Name, version.Number,
            await db.AnnotationTasks.LongCountAsync(t => t.ProjectId == project.Id && t.State == TaskState.Submitted && !t.Gold, cancellationToken),
            counts?.Reviewed ?? 0, counts?.Gold ?? 0);
    }
}
