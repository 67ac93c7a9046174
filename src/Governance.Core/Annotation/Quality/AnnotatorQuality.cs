using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;

namespace Governance.Core.Annotation.Quality;

/// <summary>
/// Per annotator: records per hour of time on task, median seconds per record, accuracy on gold records and agreement
/// with the adjudicated answer (both as the share of measurable dimensions that match), rejection rate, and records
/// submitted per day.
/// </summary>
public static class AnnotatorQuality
{
    /// <summary>One annotator's figures; null where there is nothing to measure yet.</summary>
    public sealed record Summary(string Annotator, int Submitted, double? RecordsPerHour, double? MedianSeconds, double? GoldAccuracy, int GoldAnswered,
        double? AgreementWithFinal, int Adjudicated, double RejectionRate, IReadOnlyList<DayCount> Activity);

    /// <summary>Records submitted on one day.</summary>
    public sealed record DayCount(DateOnly Day, int Records);

    /// <summary>The figures of every annotator in <paramref name="answers"/>, by name.</summary>
    public static IReadOnlyList<Summary> Compute(IReadOnlyList<Question> questions, IReadOnlyList<SubmittedAnswer> answers,
        IReadOnlyDictionary<long, string> goldAnswers, IReadOnlyDictionary<long, string> finalAnswers)
    {
        var dimensions = AnswerValues.Dimensions(questions).Select(d => d.Key).ToList();
        return
        [
            .. answers.GroupBy(a => a.Annotator, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var mine = g.ToList();
                var seconds = mine.Select(a => a.Seconds).Where(s => s > 0).Order().ToList();
                var gold = mine.Where(a => a.Gold && goldAnswers.ContainsKey(a.Ordinal)).ToList();
                var judged = mine.Where(a => !a.Gold && finalAnswers.ContainsKey(a.Ordinal)).ToList();
                return new Summary(g.Key, mine.Count,
                    seconds.Count == 0 ? null : seconds.Count / (seconds.Sum() / 3600),
                    seconds.Count == 0 ? null : Median(seconds),
                    Matching(gold, goldAnswers, dimensions), gold.Count,
                    Matching(judged, finalAnswers, dimensions), judged.Count,
                    mine.Count(a => a.Returned) / (double)mine.Count,
                    [.. mine.GroupBy(a => DateOnly.FromDateTime(a.SubmittedUtc.UtcDateTime)).OrderBy(d => d.Key).Select(d => new DayCount(d.Key, d.Count()))]);
            }),
        ];
    }

    /// <summary>The share of measurable dimensions where the answers equal the reference answers; null when none.</summary>
    private static double? Matching(IReadOnlyList<SubmittedAnswer> answers, IReadOnlyDictionary<long, string> reference, IReadOnlyList<string> dimensions)
    {
        int compared = 0, equal = 0;
        foreach (var answer in answers)
        {
            using var given = JsonDocument.Parse(answer.Answers);
            using var expected = JsonDocument.Parse(reference[answer.Ordinal]);
            foreach (var dimension in dimensions)
            {
                compared++;
                if (AnswerValues.Of(given.RootElement, dimension) == AnswerValues.Of(expected.RootElement, dimension)) equal++;
            }
        }
        return compared == 0 ? null : equal / (double)compared;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
