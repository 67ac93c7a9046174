using Governance.Core.Pii;
using Governance.Core.Pii.Evaluation;
using Governance.Tests.Shared;

namespace Governance.Cli.Tests;

public sealed class PiiEvaluationTests
{
    private static string CommittedSet => Path.Combine(RepositoryPaths.Root, "tests", "data", "pii", "evaluation.jsonl");

    [Fact]
    public async Task The_committed_evaluation_set_is_the_one_the_generator_makes()
    {
        var regenerated = Path.Combine(Path.GetTempPath(), $"pii-evaluation-{Guid.NewGuid():N}.jsonl");
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            Assert.Equal(0, await CliApp.RunAsync(["pii", "evaluation-set", "--output", regenerated], new StringReader(""), output, error));
            Assert.Equal(await File.ReadAllTextAsync(CommittedSet), await File.ReadAllTextAsync(regenerated));
        }
        finally
        {
            File.Delete(regenerated);
        }
    }

    [Fact]
    public async Task The_scanner_meets_the_quality_targets_on_the_evaluation_set()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await CliApp.RunAsync(["pii", "evaluate", "--input", CommittedSet], new StringReader(""), output, error));
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0], cells => (Precision: double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture),
                F2: double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(PiiTypes.All.Count + 1, rows.Count);
        foreach (var type in PiiTypes.All.Where(t => t != PiiTypes.Person)) Assert.True(rows[type].F2 >= 0.95, $"{type}: F2 {rows[type].F2}");
        Assert.True(rows[PiiTypes.Person].F2 >= 0.85, $"PERSON: F2 {rows[PiiTypes.Person].F2}");
        Assert.True(rows["ALL"].Precision >= 0.90, $"overall precision {rows["ALL"].Precision}");
    }

    [Fact]
    public void Scores_count_overlapping_findings_of_the_same_type_once()
    {
        var records = new[] { new LabelledText("Mail a@example.com or b@example.com", [new LabelledSpan(PiiTypes.Email, 5, 18), new LabelledSpan(PiiTypes.Person, 0, 4)]) };

        var scores = PiiEvaluation.Score(new PiiScanner(), records);

        Assert.Equal((1, 1, 0), (scores.Single(s => s.Type == PiiTypes.Email).TruePositives, scores.Single(s => s.Type == PiiTypes.Email).FalsePositives, scores.Single(s => s.Type == PiiTypes.Email).FalseNegatives));
        Assert.Equal(0.0, scores.Single(s => s.Type == PiiTypes.Person).Recall);
        var all = scores.Single(s => s.Type == "ALL");
        Assert.Equal((0.5, 0.5), (all.Precision, all.Recall));
        Assert.Equal(0.5, all.F2, 10);
    }
}
