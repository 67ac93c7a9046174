using Governance.Core.Datasets.Records;
using Governance.Core.Datasets.Statistics;

namespace Governance.Core.Tests.Datasets;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData("The customer wants to know when the parcel will arrive and what it costs.", "en")]
    [InlineData("Der Kunde möchte wissen, wann das Paket ankommt und was es kostet.", "de")]
    [InlineData("Le client veut savoir quand le colis arrive et combien il coûte pour la livraison.", "fr")]
    [InlineData("El cliente quiere saber cuándo llega el paquete y cuánto cuesta el envío.", "es")]
    [InlineData("Il cliente vuole sapere quando arriva il pacco e quanto costa per la consegna.", "it")]
    [InlineData("De klant wil weten wanneer het pakket aankomt en wat het kost.", "nl")]
    [InlineData("Клиент хочет знать, когда прибудет посылка.", "ru")]
    [InlineData("Клієнт хоче знати, коли прибуде посилка і скільки вона коштує.", "uk")]
    [InlineData("顧客は荷物がいつ届くか知りたい。", "ja")]
    [InlineData("客户想知道包裹什么时候到达。", "zh")]
    [InlineData("고객은 소포가 언제 도착하는지 알고 싶어합니다.", "ko")]
    [InlineData("Ο πελάτης θέλει να μάθει πότε θα φτάσει το δέμα.", "el")]
    [InlineData("العميل يريد أن يعرف متى يصل الطرد", "ar")]
    [InlineData("SKU-4411 x2", "und")]
    [InlineData("", "und")]
    public void The_language_guess_names_common_languages_and_admits_when_it_cannot_tell(string text, string expected)
    {
        Assert.Equal(expected, LanguageGuesser.Guess(text));
    }

    private static DatasetRecord Text(string text, params string[] labels) => new()
    {
        Shape = labels.Length == 0 ? RecordShape.Text : RecordShape.Classification, Text = text, Labels = labels.Length == 0 ? null : labels,
        MultiLabel = labels.Length > 1,
    };

    [Fact]
    public void Statistics_give_percentiles_a_power_of_two_histogram_label_counts_and_duplicates()
    {
        var builder = new StatisticsBuilder();
        var records = new[]
        {
            Text("one", "a"), Text("one two three four five", "a", "b"), Text("one", "a"),
            Text(string.Join(' ', Enumerable.Repeat("word", 20)), "c"),
        };
        foreach (var record in records) builder.Add(record, CanonicalJson.RecordHash(record));

        var s = builder.Build();

        // GPT-2: "one" is 1 token, "one two three four five" 5, "word" x20 is 20.
        Assert.Equal((4L, 27L, 1, 20, 20), (s.Records, s.Tokens, s.MedianTokens, s.P95Tokens, s.MaxTokens));
        Assert.Equal(6.75, s.MeanTokens);
        Assert.Equal([(0, 1, 0L), (1, 2, 2L), (2, 4, 0L), (4, 8, 1L), (8, 16, 0L), (16, 32, 1L)], s.Histogram.Select(b => (b.From, b.To, b.Records)));
        Assert.Equal([new("a", 3L), new("b", 1L), new KeyValuePair<string, long>("c", 1)], s.Labels);
        Assert.Equal(1, s.ExactDuplicates);
        Assert.Equal(NearDuplicateFinder.DefaultThreshold, s.NearDuplicateThreshold);
        Assert.Equal((0L, 2L, 1.0), (s.NearDuplicateSample.Single().First, s.NearDuplicateSample.Single().Second, s.NearDuplicateSample.Single().Similarity));
    }

    [Fact]
    public void An_empty_version_has_zero_statistics()
    {
        var s = new StatisticsBuilder().Build();

        Assert.Equal((0L, 0L, 0, 0), (s.Records, s.Tokens, s.MedianTokens, s.MaxTokens));
        Assert.Empty(s.Histogram);
    }
}
