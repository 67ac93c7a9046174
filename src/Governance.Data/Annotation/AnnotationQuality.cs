using Governance.Core.Annotation.Agreement;
using Governance.Core.Annotation.Quality;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>A project's quality figures: agreement per dimension, pair and day, and per-annotator figures.</summary>
public sealed record QualityReport(IReadOnlyList<ProjectAgreement.DimensionAgreement> Agreement, IReadOnlyList<AnnotatorQuality.Summary> Annotators);

/// <summary>Reads a project's submitted answers once and computes the figures the Manager dashboard and the API show.</summary>
public sealed class AnnotationQuality(IDbContextFactory<GovernanceDbContext> databases, AnnotationProjects projects)
{
    /// <summary>Every figure of the project.</summary>
    public async Task<QualityReport> ReportAsync(string projectName, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        var (answers, gold, finals) = await ReadAsync(summary, cancellationToken);
        return new QualityReport(ProjectAgreement.Compute(summary.Questions, answers), AnnotatorQuality.Compute(summary.Questions, answers, gold, finals));
    }

    /// <summary>The ratings of one dimension as CSV with the header item,annotator,label: the input of <c>governance agreement</c>.</summary>
    public async Task<string> RatingsCsvAsync(string projectName, string dimension, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        var dimensions = Core.Annotation.Answers.AnswerValues.Dimensions(summary.Questions);
        if (dimensions.All(d => d.Key != dimension))
            throw new Core.Validation.ValidationError("dimension", $"'{dimension}' is not a measurable question of '{projectName}'; use one of " +
                string.Join(", ", dimensions.Select(d => d.Key)) + ".");
        var (answers, _, _) = await ReadAsync(summary, cancellationToken);
        var csv = new System.Text.StringBuilder(RatingsCsv.Header).Append('\n');
        foreach (var rating in ProjectAgreement.Ratings(answers, dimension))
            csv.Append(Quote(rating.Item)).Append(',').Append(Quote(rating.Annotator)).Append(',').Append(Quote(rating.Label)).Append('\n');
        return csv.ToString();
    }

    private async Task<(List<SubmittedAnswer> Answers, Dictionary<long, string> Gold, Dictionary<long, string> Finals)> ReadAsync(
        ProjectRules summary, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var id = summary.Project.Id;
        var answers = await db.AnnotationTasks.AsNoTracking().Where(t => t.ProjectId == id && t.State == TaskState.Submitted)
            .Select(t => new SubmittedAnswer(t.Ordinal, t.Annotator, t.Answers!, t.SubmittedUtc!.Value, t.Seconds, t.Gold, t.Returned)).ToListAsync(cancellationToken);
        var gold = await db.AnnotationItems.AsNoTracking().Where(i => i.ProjectId == id && i.GoldAnswers != null)
            .ToDictionaryAsync(i => i.Ordinal, i => i.GoldAnswers!, cancellationToken);
        var finals = await db.AnnotationItems.AsNoTracking().Where(i => i.ProjectId == id && i.FinalAnswers != null)
            .ToDictionaryAsync(i => i.Ordinal, i => i.FinalAnswers!, cancellationToken);
        return (answers, gold, finals);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
