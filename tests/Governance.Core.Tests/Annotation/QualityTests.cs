using Governance.Core.Annotation.Projects;
using Governance.Core.Annotation.Quality;

namespace Governance.Core.Tests.Annotation;

public sealed class QualityTests
{
    private static readonly Question Sentiment = new("sentiment", QuestionKind.SingleLabel, "Sentiment?", ["x", "y"]);
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static SubmittedAnswer Answer(long ordinal, string annotator, string label, double seconds = 10, bool gold = false, bool returned = false, int day = 0) =>
        new(ordinal, annotator, $$"""{"sentiment":"{{label}}"}""", Monday.AddDays(day), seconds, gold, returned);

    // ann: x x y y; ben: x y y y.
    private static readonly SubmittedAnswer[] TwoAnnotators =
    [
        Answer(0, "ann", "x"), Answer(1, "ann", "x"), Answer(2, "ann", "y"), Answer(3, "ann", "y", day: 1),
        Answer(0, "ben", "x"), Answer(1, "ben", "y"), Answer(2, "ben", "y"), Answer(3, "ben", "y", day: 1),
    ];

    [Fact]
    public void Agreement_of_two_annotators_matches_the_hand_computed_coefficients()
    {
        var sentiment = Assert.Single(ProjectAgreement.Compute([Sentiment], TwoAnnotators));

        // Percent 3/4. Cohen: pe = .5*.25 + .5*.75 = .5, (0.75 - 0.5) / 0.5 = 0.5.
        // Fleiss: P = .75, pe = (3/8)^2 + (5/8)^2 = 34/64, (0.75 - 0.53125) / 0.46875 = 0.46667.
        // Krippendorff: Do = 2/8, De = 2*3*5 / (8*7), 1 - 0.25 / 0.535714 = 0.53333.
        Assert.Equal(0.75, sentiment.Percent.Coefficient!.Value, 6);
        Assert.Equal(0.5, sentiment.Cohen.Coefficient!.Value, 6);
        Assert.Equal(0.466667, sentiment.Fleiss.Coefficient!.Value, 6);
        Assert.Equal(0.533333, sentiment.Krippendorff.Coefficient!.Value, 6);
        var pair = Assert.Single(sentiment.Pairs);
        Assert.Equal(("ann", "ben", 0.5), (pair.First, pair.Second, pair.Cohen.Coefficient!.Value));
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)], sentiment.Days.Select(d => d.Day));
    }

    [Fact]
    public void The_exported_ratings_name_records_from_1_and_leave_out_gold_answers()
    {
        var ratings = ProjectAgreement.Ratings([.. TwoAnnotators, Answer(9, "ann", "x", gold: true)], "sentiment");
        Assert.Equal(8, ratings.Count);
        Assert.Equal(("1", "ann", "x"), (ratings[0].Item, ratings[0].Annotator, ratings[0].Label));
    }

    [Fact]
    public void With_one_annotator_there_is_no_coefficient_and_the_reason_says_why()
    {
        var sentiment = Assert.Single(ProjectAgreement.Compute([Sentiment], [Answer(0, "ann", "x")]));
        Assert.Null(sentiment.Krippendorff.Coefficient);
        Assert.False(string.IsNullOrEmpty(sentiment.Krippendorff.Reason));
    }

    [Fact]
    public void Annotator_figures_match_hand_computed_throughput_accuracy_and_rejection_rate()
    {
        SubmittedAnswer[] answers =
        [
            Answer(0, "ann", "x", seconds: 10), Answer(1, "ann", "y", seconds: 20, returned: true), Answer(2, "ann", "x", seconds: 30, gold: true),
            Answer(3, "ann", "y", seconds: 40, gold: true),
        ];
        var gold = new Dictionary<long, string> { [2] = """{"sentiment":"x"}""", [3] = """{"sentiment":"x"}""" };
        var finals = new Dictionary<long, string> { [0] = """{"sentiment":"x"}""", [1] = """{"sentiment":"x"}""" };

        var ann = Assert.Single(AnnotatorQuality.Compute([Sentiment], answers, gold, finals));

        // 4 records in 100 s on task = 144 per hour; median of 10, 20, 30, 40 = 25.
        Assert.Equal(144, ann.RecordsPerHour!.Value, 6);
        Assert.Equal(25, ann.MedianSeconds!.Value, 6);
        Assert.Equal((0.5, 2), (ann.GoldAccuracy!.Value, ann.GoldAnswered));
        Assert.Equal((0.5, 2), (ann.AgreementWithFinal!.Value, ann.Adjudicated));
        Assert.Equal(0.25, ann.RejectionRate);
        Assert.Equal(4, Assert.Single(ann.Activity).Records);
    }
}
