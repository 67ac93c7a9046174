using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Core.Pii;
using Governance.Core.Pii.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>`governance pii evaluate|evaluation-set`: precision, recall and F2 per type against a labelled set, and making that set.</summary>
internal static class PiiEvaluationCommands
{
    public static async Task<int> EvaluateAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--input", "--threshold");
        var file = arguments.ExistingFile("--input", "tests/data/pii/evaluation.jsonl");
        var threshold = PiiCommands.Threshold(arguments);
        var records = new List<LabelledText>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            records.Add(JsonSerializer.Deserialize<LabelledText>(line, JsonSerializerOptions.Web)
                ?? throw new Core.Validation.ValidationError("input", $"{file}:{number}: not a labelled record."));
        }
        var scores = PiiEvaluation.Score(new PiiScanner(new PiiSettings(threshold)), records);
        await output.WriteLineAsync($"{records.Count} records, {records.Sum(r => r.Entities.Count)} labelled spans, threshold {threshold.ToString(CultureInfo.InvariantCulture)}");
        await output.WriteLineAsync($"{"type",-16} {"precision",9} {"recall",7} {"F2",6}   tp/fp/fn");
        foreach (var s in scores)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.Type,-16} {s.Precision,9:0.000} {s.Recall,7:0.000} {s.F2,6:0.000}   {s.TruePositives}/{s.FalsePositives}/{s.FalseNegatives}"));
        return 0;
    }

    public static async Task<int> GenerateAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--output", "--records", "--seed");
        var target = arguments.Required("--output", "tests/data/pii/evaluation.jsonl");
        var count = int.TryParse(arguments.Flag("--records") ?? "1200", out var n) && n > 0 ? n : throw new CliUsageError("--records takes a whole number greater than zero.");
        var seed = int.TryParse(arguments.Flag("--seed") ?? "2026", out var s) ? s : throw new CliUsageError("--seed takes a whole number.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using var writer = new StreamWriter(target, false, new UTF8Encoding(false));
        var options = new JsonSerializerOptions(JsonSerializerOptions.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var record in new PiiEvaluationSet(seed).Generate(count))
            await writer.WriteAsync(JsonSerializer.Serialize(record, options) + "\n");
        await output.WriteLineAsync($"wrote {count} labelled records to {target}");
        return 0;
    }
}
