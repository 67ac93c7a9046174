using System.Text.Json;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Preprocessing;
using Governance.Data.Datasets;

namespace Governance.Cli.Commands;

/// <summary>`governance datasets preprocess`: a new version with text normalised, duplicates and outliers removed.</summary>
internal static class DatasetPreprocessCommand
{
    private static readonly string[] Steps = ["nfc", "whitespace", "control", "dedup"];

    public static async Task<int> RunAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--steps", "--min-tokens", "--max-tokens", "--near-duplicates");
        var steps = (arguments.Flag("--steps") ?? string.Join(',', Steps)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = steps.Except(Steps).ToList();
        if (unknown.Count > 0) throw new CliUsageError($"--steps: unknown step(s) {string.Join(", ", unknown)}; use {string.Join(",", Steps)} (comma-separated).");
        var plan = new PreprocessingPlan(steps.Contains("nfc"), steps.Contains("whitespace"), steps.Contains("control"), steps.Contains("dedup"),
            Count(arguments, "--min-tokens"), Count(arguments, "--max-tokens"), Threshold(arguments));
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var outcome = await new DatasetPreprocessor(factory, catalog, TimeProvider.System)
            .RunAsync(arguments.Required("--name", "support-chats"), arguments.VersionNumber(), plan, $"cli:{Environment.UserName}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            version = outcome.Version.Number, contentHash = outcome.Version.ContentHash, counts = outcome.Counts,
            nearDuplicatePairs = outcome.NearDuplicates.Select(p => new { kept = p.First + 1, removed = p.Second + 1, similarity = p.Similarity }),
        }, JsonSerializerOptions.Web));
        return 0;
    }

    private static double? Threshold(CliArguments arguments) => arguments.Flag("--near-duplicates") is { } raw
        ? double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : throw new CliUsageError($"--near-duplicates: '{raw}' is not a similarity such as 0.8.")
        : null;

    private static int? Count(CliArguments arguments, string flag) => arguments.Flag(flag) is { } raw
        ? int.TryParse(raw, out var value) ? value : throw new CliUsageError($"{flag}: '{raw}' is not a whole number.")
        : null;
}
