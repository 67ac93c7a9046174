using System.Text.Json;
using Governance.Core.Annotation.Agreement;

namespace Governance.Cli.Commands;

/// <summary>`governance agreement`: an agreement coefficient over a CSV of answers, as one JSON object.</summary>
internal static class AgreementCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--input", "--metric", "--level");
        var file = arguments.ExistingFile("--input", "answers.csv");
        IReadOnlyList<Rating> ratings;
        using (var reader = new StreamReader(file)) ratings = RatingsCsv.Read(reader, file);
        var level = arguments.Flag("--level") is { } raw
            ? Enum.TryParse<MeasurementLevel>(raw, ignoreCase: true, out var parsed) && !int.TryParse(raw, out _)
                ? parsed : throw new CliUsageError($"--level: '{raw}' is not one of nominal, ordinal, interval, ratio.")
            : MeasurementLevel.Nominal;
        var result = arguments.Required("--metric", "krippendorff").ToLowerInvariant() switch
        {
            "cohen" => AgreementMetrics.CohenKappa([.. ratings]),
            "fleiss" => AgreementMetrics.FleissKappa([.. ratings]),
            "krippendorff" => AgreementMetrics.KrippendorffAlpha([.. ratings], level),
            "percent" => AgreementMetrics.PercentAgreement([.. ratings]),
            var other => throw new CliUsageError($"--metric: '{other}' is not one of cohen, fleiss, krippendorff, percent."),
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            metric = result.Metric, level = result.Level, value = Math.Round(result.Value, 6), items = result.Items, annotators = result.Annotators,
        }));
        return 0;
    }
}
