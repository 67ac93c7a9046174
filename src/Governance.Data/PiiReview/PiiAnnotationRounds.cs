using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Import;
using Governance.Core.PiiReview;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.PiiReview;

/// <summary>What a compliance officer chooses when sending a version's PII review to annotators; all optional.</summary>
/// <param name="Project">The project's name; by default <c>&lt;dataset&gt;-v&lt;number&gt;-pii</c>.</param>
/// <param name="Annotators">The annotators named, or none for the pool.</param>
/// <param name="Overlap">Annotators per record, 1 by default.</param>
/// <param name="Types">The finding types to label with (see <see cref="PiiAnnotationQuestion.Labels"/>).</param>
/// <param name="Deadline">When the work is due.</param>
public sealed record PiiAnnotationRequest(string? Project = null, IReadOnlyList<string>? Annotators = null, int? Overlap = null,
    IReadOnlyList<string>? Types = null, DateTimeOffset? Deadline = null);

/// <summary>
/// What applying a project's spans did: decisions made by kind, findings already decided (left as they were), records
/// with no final answer yet (their findings left undecided) and findings annotators could not mark (outside the text they saw, or of a type they had no label for).
/// </summary>
public sealed record PiiAnnotationOutcome(int Confirmed, int Dismissed, int Added, int AlreadyDecided, long RecordsWithoutFinalAnswer, int FindingsOutsideMarkedText);

/// <summary>
/// Sends a version's PII review to annotators as a span-labelling project over the same version, and applies the
/// project's final answers (accepted or adjudicated) back to the review as decisions.
/// </summary>
public sealed class PiiAnnotationRounds(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, AnnotationProjects projects, PiiReviews reviews)
{
    /// <summary>Creates the project with one span question over the text spans are marked in, labelled with finding types.</summary>
    public async Task<AnnotationProject> SendAsync(string datasetName, int versionNumber, PiiAnnotationRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var (_, version) = await catalog.FindAsync(datasetName, versionNumber, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await PiiReviews.EnsureAuditedAsync(db, version.Id, cancellationToken);
        var found = await db.PiiFindings.Where(f => f.VersionId == version.Id).Select(f => f.Type).Distinct().ToListAsync(cancellationToken);
        var labels = PiiAnnotationQuestion.Labels(request.Types, found);
        var name = string.IsNullOrWhiteSpace(request.Project) ? $"{datasetName}-v{versionNumber}-pii" : request.Project.Trim();
        var definition = new ProjectDefinition(name, PiiAnnotationQuestion.Guidelines(labels), [PiiAnnotationQuestion.Of(labels)], request.Overlap ?? 1,
            request.Annotators, 0, request.Deadline);
        return await projects.CreateAsync(datasetName, versionNumber, definition, actor, cancellationToken);
    }

    /// <summary>The PII annotation projects over the version, newest first.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> ProjectsAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        [.. (await projects.ListAsync(cancellationToken)).Where(p => p.Project.DatasetVersionId == versionId && PiiQuestion(p.Rules) is not null)];

    /// <summary>
    /// Decides every undecided finding in the marked text of records with a final answer, and adds the spans no finding
    /// matches. Decisions are stored as decided by the project; the trail names <paramref name="actor"/> and the project.
    /// </summary>
    public async Task<PiiAnnotationOutcome> ApplyAsync(string datasetName, int versionNumber, string projectName, string actor, CancellationToken cancellationToken = default)
    {
        var (_, version) = await catalog.FindAsync(datasetName, versionNumber, cancellationToken);
        var rules = await projects.RulesAsync(projectName, cancellationToken);
        if (rules.Project.DatasetVersionId != version.Id)
            throw new ValidationError("project", $"Project '{projectName}' annotates another dataset version; pick one sent from the review of {datasetName} v{versionNumber}.");
        if (PiiQuestion(rules) is null)
            throw new ValidationError("project", $"Project '{projectName}' has no span question '{PiiAnnotationQuestion.Key}'; send the review to annotators from this page to create one.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await PiiReviews.EnsureAuditedAsync(db, version.Id, cancellationToken);
        var items = await db.AnnotationItems.AsNoTracking().Where(i => i.ProjectId == rules.Project.Id).LongCountAsync(cancellationToken);
        var finals = await db.AnnotationItems.AsNoTracking().Where(i => i.ProjectId == rules.Project.Id && i.FinalAnswers != null)
            .Join(db.RecordContents, i => i.Hash, c => c.Hash, (i, c) => new { i.Ordinal, i.FinalAnswers, c.Json }).ToListAsync(cancellationToken);
        var ordinals = finals.Select(f => f.Ordinal).ToList();
        var findings = (await db.PiiFindings.AsNoTracking().Where(f => f.VersionId == version.Id && ordinals.Contains(f.Ordinal)).ToListAsync(cancellationToken))
            .Select(f => f.Key).ToLookup(k => k.Ordinal);
        var decided = (await db.PiiDecisions.AsNoTracking().Where(d => d.VersionId == version.Id && ordinals.Contains(d.Ordinal)).ToListAsync(cancellationToken))
            .Select(d => d.Key).ToHashSet();

        var labels = PiiQuestion(rules)!.LabelList;
        var verdicts = new List<(PiiFindingKey Key, PiiDecision Decision)>();
        var outside = 0;
        foreach (var record in finals)
        {
            var field = PiiAnnotationQuestion.SpanField(RecordParser.ParseCanonical(record.Json));
            var inField = findings[record.Ordinal].Where(k => k.Field == field).ToList();
            outside += findings[record.Ordinal].Count() - inField.Count;
            if (field is null) continue;
            using var answers = JsonDocument.Parse(record.FinalAnswers!);
            var marked = SpanAnswers.Read(answers.RootElement.GetProperty(PiiAnnotationQuestion.Key))
                .Select(s => new PiiFindingKey(record.Ordinal, field, s.Start, s.End, s.Label)).ToList();
            verdicts.AddRange(PiiSpanVerdicts.Decide(inField, marked, labels));
            outside += inField.Count(f => !labels.Contains(f.Type));
        }
        var fresh = verdicts.Where(v => !decided.Contains(v.Key)).ToList();
        await reviews.RecordAsync(version.Id, fresh, $"annotation project {projectName}", actor, $"from the final answers of annotation project '{projectName}'", cancellationToken);
        return new PiiAnnotationOutcome(fresh.Count(v => v.Decision == PiiDecision.Confirmed), fresh.Count(v => v.Decision == PiiDecision.Dismissed),
            fresh.Count(v => v.Decision == PiiDecision.Added), verdicts.Count - fresh.Count, items - finals.Count, outside);
    }

    private static Question? PiiQuestion(ProjectRules rules) =>
        rules.Questions.FirstOrDefault(q => q.Key == PiiAnnotationQuestion.Key && q.Kind == QuestionKind.Span);
}
