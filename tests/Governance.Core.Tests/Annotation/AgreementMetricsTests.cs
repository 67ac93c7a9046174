using Governance.Core.Annotation.Agreement;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Annotation;

public sealed class AgreementMetricsTests
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four observers, twelve
    /// units and missing values (null).
    /// </summary>
    private static readonly int?[][] Krippendorff2011 =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static List<Rating> Matrix(int?[][] byObserver) =>
        [.. byObserver.SelectMany((row, observer) => row.Select((value, unit) => (value, unit))
            .Where(x => x.value is not null).Select(x => new Rating($"u{x.unit + 1}", $"o{observer + 1}", x.value!.Value.ToString())))];

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public void Krippendorffs_alpha_reproduces_the_2011_worked_example_at_every_level(MeasurementLevel level, double published)
    {
        var result = AgreementMetrics.KrippendorffAlpha(Matrix(Krippendorff2011), level);

        Assert.Equal(published, Math.Round(result.Value, 3));
        Assert.Equal((12, 4), (result.Items, result.Annotators));
    }

    /// <summary>Fleiss (1971), table 1: 30 patients, six psychiatric diagnoses each (1 depression ... 5 other).</summary>
    private static readonly string[] Fleiss1971 =
    [
        "444444", "222555", "233335", "555555", "222444", "113333", "333355", "113334", "114444", "555555",
        "144444", "124444", "222333", "144444", "224445", "333335", "111455", "111112", "224444", "133555",
        "555555", "244444", "224555", "114444", "144445", "222224", "111155", "224444", "133333", "555555",
    ];

    [Fact]
    public void Fleiss_kappa_reproduces_the_1971_table()
    {
        // Not the same six raters for every patient: rater names are per slot.
        var ratings = Fleiss1971.SelectMany((row, patient) => row.Select((label, slot) => new Rating($"p{patient + 1}", $"r{slot + 1}", label.ToString()))).ToList();

        Assert.Equal(0.430, Math.Round(AgreementMetrics.FleissKappa(ratings).Value, 3));
    }

    [Fact]
    public void Cohens_kappa_and_percent_agreement_follow_the_textbook_two_by_two_table()
    {
        // 50 items: both yes 20, A yes and B no 5, A no and B yes 10, both no 15: po 0.70, pe 0.50.
        var answers = Enumerable.Repeat(("yes", "yes"), 20).Concat(Enumerable.Repeat(("yes", "no"), 5))
            .Concat(Enumerable.Repeat(("no", "yes"), 10)).Concat(Enumerable.Repeat(("no", "no"), 15)).ToList();
        var ratings = answers.SelectMany((a, i) => new[] { new Rating($"i{i}", "A", a.Item1), new Rating($"i{i}", "B", a.Item2) }).ToList();

        Assert.Equal(0.4, AgreementMetrics.CohenKappa(ratings).Value, 10);
        Assert.Equal(0.7, AgreementMetrics.PercentAgreement(ratings).Value, 10);
    }

    [Fact]
    public void Inputs_a_metric_cannot_use_are_refused_naming_what_to_change()
    {
        var three = new List<Rating> { new("i1", "a", "x"), new("i1", "b", "x"), new("i1", "c", "y") };
        Assert.Contains("exactly two annotators", Assert.Throws<ValidationError>(() => AgreementMetrics.CohenKappa(three)).Message);
        var uneven = new List<Rating> { new("i1", "a", "x"), new("i1", "b", "x"), new("i2", "a", "y"), new("i2", "b", "y"), new("i2", "c", "y") };
        Assert.Contains("same number of answers per item", Assert.Throws<ValidationError>(() => AgreementMetrics.FleissKappa(uneven)).Message);
        Assert.Contains("not a number", Assert.Throws<ValidationError>(() => AgreementMetrics.KrippendorffAlpha(three, MeasurementLevel.Interval)).Message);
        Assert.Equal(1.0, AgreementMetrics.KrippendorffAlpha([new("i1", "a", "x"), new("i1", "b", "x")], MeasurementLevel.Nominal).Value);
    }

    [Fact]
    public void The_csv_reader_skips_missing_labels_and_names_the_line_of_a_repeated_answer()
    {
        var ratings = RatingsCsv.Read(new StringReader("item,annotator,label\nr1,ana,\"yes, surely\"\nr1,kim,\nr2,kim,no\n"), "answers.csv");
        Assert.Equal([new Rating("r1", "ana", "yes, surely"), new Rating("r2", "kim", "no")], ratings);

        var repeated = Assert.Throws<ValidationError>(() => RatingsCsv.Read(new StringReader("item,annotator,label\nr1,ana,a\nr1,ana,b\n"), "answers.csv"));
        Assert.Equal("answers.csv:3: annotator 'ana' already answered item 'r1' on line 2.", repeated.Message);
        Assert.Contains("answers.csv:1: the header must be", Assert.Throws<ValidationError>(() => RatingsCsv.Read(new StringReader("a,b\n"), "answers.csv")).Message);
    }
}
