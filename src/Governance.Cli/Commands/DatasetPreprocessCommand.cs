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
        arguments.AllowOnly("--name", "--version", "--steps", "--min-tokens", "--max-tokens");
        var steps = (arguments.Flag("--steps") ?? string.Join(',', Steps)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = steps.Except(Steps).ToList();
        if (unknown.Count > 0) throw new CliUsageError($"--steps: unknown step(s) {string.Join(", ", unknown)}; use {string.Join(",", Steps)} (comma-separated).");
        var plan = new PreprocessingPlan(steps.Contains("nfc"), steps.Contains("whitespace"), steps.Contains("control"), steps.Contains("dedup"),
            Count(arguments, "--min-tokens"), Count(arguments, "--max-tokens"));
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var (version, counts) = await new DatasetPreprocessor(factory, catalog, TimeProvider.System)
            .RunAsync(arguments.Required("--name", "support-chats"), arguments.VersionNumber(), plan, $"cli:{Environment.UserName}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, contentHash = version.ContentHash, counts }, JsonSerializerOptions.Web));
        return 0;
    }

    private static int? Count(CliArguments arguments, string flag) => arguments.Flag(flag) is { } raw
        ? int.TryParse(raw, out var value) ? value : throw new CliUsageError($"{flag}: '{raw}' is not a whole number.")
        : null;
}
