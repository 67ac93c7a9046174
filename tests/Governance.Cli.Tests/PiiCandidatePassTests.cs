using System.Text.Json;
using Governance.Cli.Commands;
using Governance.Core.Pii;
using Governance.Tests.Shared;

namespace Governance.Cli.Tests;

/// <summary>
/// The scanner lets recognizers use the text's profile (e.g. run their pattern only around runs of digits). Every
/// recognizer must then find exactly what it finds over the whole text: checked on the whole evaluation set, the
/// benchmark's messages, and seeded random strings of digits, number punctuation and letters.
/// </summary>
public sealed class PiiCandidatePassTests
{
    private static IEnumerable<string> EvaluationTexts() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "data", "pii", "evaluation.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);

    /// <summary>Strings where number runs touch, nest in words and hold non-ASCII digits.</summary>
    private static IEnumerable<string> RandomNumberTexts()
    {
        var random = new Random(7);
        string[] pieces = ["4111 1111 1111 1111", "536-22-1234", "192.168.0.1", "+44 20 7946 0958", "(415) 555-0132", "0049 151 23456789", "01 23 45 67 89",
            "٤١١١١١١١١١١١١١١١", "١٢٣-٤٥-٦٧٨٩", "v", "x", "ip ", "SSN ", "card ", "tel ", ".", "-", " ", "/", "(", ")", "+", ":", "0", "7", "12", "2001:db8::1", "é", "\t"];
        for (var i = 0; i < 5000; i++)
            yield return string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    public static TheoryData<string> Sources => ["evaluation set", "benchmark messages", "random number texts"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_recognizer_finds_with_the_candidate_pass_what_it_finds_over_the_whole_text(string source)
    {
        var texts = source switch
        {
            "evaluation set" => EvaluationTexts(),
            "benchmark messages" => PiiBenchmarkCorpus.Messages().Take(3000),
            _ => RandomNumberTexts(),
        };
        var compared = 0;
        var found = 0;
        foreach (var text in texts)
        {
            var profile = TextProfile.Of(text);
            foreach (var recognizer in PiiScanner.BuiltIn())
            {
                var whole = recognizer.Recognize(text).ToList();
                Assert.Equal(whole, recognizer.Recognize(text, profile).ToList());
                found += whole.Count;
            }
            compared++;
        }
        Assert.True(compared >= 1000, $"only {compared} texts from the {source}");
        Assert.True(found > 0, $"nothing found in the {source}, so nothing was compared");
    }
}
