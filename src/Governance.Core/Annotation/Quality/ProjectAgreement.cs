using System.Text.Json;
using Governance.Core.Annotation.Agreement;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Quality;

/// <summary>
/// Agreement of a project's answers per dimension (question or rating criterion): percent, Fleiss' kappa over the
/// records with the full overlap, Krippendorff's alpha at the dimension's level (missing answers allowed), Cohen's
/// kappa when exactly two annotators answered; per annotator pair; and per day of submission. The same
/// <see cref="AgreementMetrics"/> as <c>governance agreement</c>, over the same ratings <see cref="Ratings"/> exports.
/// </summary>
public static class ProjectAgreement
{
    /// <summary>A coefficient, or why it cannot be computed.</summary>
    public sealed record Value(double? Coefficient, int Items, string? Reason);

    /// <summary>The figures of one dimension.</summary>
    public sealed record DimensionAgreement(AnswerValues.Dimension Dimension, Value Percent, Value Cohen, Value Fleiss, Value Krippendorff,
        IReadOnlyList<PairAgreement> Pairs, IReadOnlyList<DayAgreement> Days);

    /// <summary>Two annotators over the records both answered.</summary>
    public sealed record PairAgreement(string First, string Second, Value Percent, Value Cohen);

    /// <summary>Krippendorff's alpha over the records whose last answer came on <paramref name="Day"/>.</summary>
    public sealed record DayAgreement(DateOnly Day, Value Krippendorff);

    /// <summary>The ratings of one dimension, item = 1-based record number: what the CSV export and the CLI read.</summary>
    public static IReadOnlyList<Rating> Ratings(IEnumerable<SubmittedAnswer> answers, string dimension) =>
    [
        .. answers.Where(a => !a.Gold).OrderBy(a => a.Ordinal).ThenBy(a => a.Annotator, StringComparer.Ordinal)
            .Select(a => new Rating((a.Ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Annotator, ValueOf(a, dimension))),
    ];

    /// <summary>Every figure for every dimension of <paramref name="questions"/>.</summary>
    public static IReadOnlyList<DimensionAgreement> Compute(IReadOnlyList<Question> questions, IReadOnlyList<SubmittedAnswer> answers)
    {
        var result = new List<DimensionAgreement>();
        foreach (var dimension in AnswerValues.Dimensions(questions))
        {
            var ratings = Ratings(answers, dimension.Key);
            var annotators = ratings.Select(r => r.Annotator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var pairs = (from a in annotators from b in annotators where string.CompareOrdinal(a, b) < 0 select (a, b))
                .Select(p => Pair(ratings, p.a, p.b)).Where(p => p.Percent.Items > 0).ToList();
            var lastDay = answers.Where(a => !a.Gold).GroupBy(a => a.Ordinal).ToDictionary(
                g => (g.Key + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), g => DateOnly.FromDateTime(g.Max(a => a.SubmittedUtc).UtcDateTime));
            var days = ratings.GroupBy(r => lastDay[r.Item]).OrderBy(g => g.Key)
                .Select(g => new DayAgreement(g.Key, Try(() => AgreementMetrics.KrippendorffAlpha([.. g], dimension.Level)))).ToList();
            result.Add(new DimensionAgreement(dimension,
                Try(() => AgreementMetrics.PercentAgreement([.. ratings])),
                annotators.Count == 2 ? Try(() => AgreementMetrics.CohenKappa([.. ratings])) : new Value(null, 0, $"Cohen's kappa compares two annotators; {annotators.Count} answered."),
                Try(() => AgreementMetrics.FleissKappa(FullyAnswered(ratings))),
                Try(() => AgreementMetrics.KrippendorffAlpha([.. ratings], dimension.Level)),
                pairs, days));
        }
        return result;
    }

    private static PairAgreement Pair(IReadOnlyList<Rating> ratings, string first, string second)
    {
        var byItem = ratings.Where(r => r.Annotator == first || r.Annotator == second).GroupBy(r => r.Item).Where(g => g.Count() == 2).SelectMany(g => g).ToList();
        return new PairAgreement(first, second, Try(() => AgreementMetrics.PercentAgreement(byItem)), Try(() => AgreementMetrics.CohenKappa(byItem)));
    }

    /// <summary>The ratings of records answered by the most annotators any record has: Fleiss' kappa needs equal counts.</summary>
    private static List<Rating> FullyAnswered(IReadOnlyList<Rating> ratings)
    {
        var groups = ratings.GroupBy(r => r.Item).ToList();
        var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count());
        return [.. groups.Where(g => g.Count() == most).SelectMany(g => g)];
    }

    private static string ValueOf(SubmittedAnswer answer, string dimension)
    {
        using var document = JsonDocument.Parse(answer.Answers);
        return AnswerValues.Of(document.RootElement, dimension);
    }

    private static Value Try(Func<AgreementResult> compute)
    {
        try
        {
            var result = compute();
            return double.IsFinite(result.Value) ? new Value(result.Value, result.Items, null) : new Value(null, result.Items, "undefined: every answer is the same");
        }
        catch (ValidationError error)
        {
            return new Value(null, 0, error.Message);
        }
    }
}
