using System.Globalization;
using System.Text.Json;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Splits;
using Governance.Data.Datasets;

namespace Governance.Cli.Commands;

/// <summary>`governance datasets split`: a new version with train/validation/test assigned.</summary>
internal static class DatasetSplitCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--train", "--validation", "--test", "--seed", "--no-stratify");
        var defaults = SplitPlan.Default;
        var plan = new SplitPlan(Fraction(arguments, "--train", defaults.Train), Fraction(arguments, "--validation", defaults.Validation),
            Fraction(arguments, "--test", defaults.Test),
            arguments.Flag("--seed") is { } seed ? int.TryParse(seed, out var s) ? s : throw new CliUsageError($"--seed: '{seed}' is not a whole number.") : defaults.Seed,
            !arguments.Has("--no-stratify"));
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var version = await new DatasetSplitter(factory, catalog, TimeProvider.System)
            .SplitAsync(arguments.Required("--name", "support-chats"), arguments.VersionNumber(), plan, $"cli:{Environment.UserName}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, records = version.RecordCount, parameters = version.Parameters }));
        return 0;
    }

    private static double Fraction(CliArguments arguments, string flag, double fallback) => arguments.Flag(flag) is { } raw
        ? double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new CliUsageError($"{flag}: '{raw}' is not a number such as 0.8.")
        : fallback;
}
