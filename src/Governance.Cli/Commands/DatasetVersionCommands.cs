using System.Text.Json;
using Governance.Core.Configuration;
using Governance.Data.Datasets;

namespace Governance.Cli.Commands;

/// <summary>`governance datasets stats|diff|edit-metadata`: a version's statistics, the difference between two versions, a metadata edit.</summary>
internal static class DatasetVersionCommands
{
    public static async Task<int> StatsAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version");
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var (_, version) = await catalog.FindAsync(arguments.Required("--name", "support-chats"), arguments.VersionNumber());
        var run = await new DatasetStatistics(factory, catalog, TimeProvider.System).ComputeAsync(version);
        if (run.State == RunState.Failed) throw new Core.Validation.ValidationError("version", $"Statistics of version {version.Number} failed: {run.Error}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, statistics = DatasetStatistics.Read(run) }, JsonSerializerOptions.Web));
        return 0;
    }

    public static async Task<int> DiffAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--from", "--to", "--show");
        var name = arguments.Required("--name", "support-chats");
        var show = Number(arguments, "--show") ?? 20;
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var differ = new DatasetDiffer(factory, catalog);
        var diff = await differ.DiffAsync(name, Number(arguments, "--from") ?? throw Missing("--from"), Number(arguments, "--to") ?? throw Missing("--to"));
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            from = diff.From, to = diff.To, added = diff.Added, removed = diff.Removed, changed = diff.Changed, unchanged = diff.Unchanged,
        }, JsonSerializerOptions.Web));
        if (show <= 0) return 0;
        var (_, items) = await differ.PageAsync(name, diff, null, 0, Math.Min(show, Data.Datasets.RecordQuery.MaxSize));
        foreach (var item in items)
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                kind = item.Entry.Kind.ToString().ToLowerInvariant(), key = item.Entry.Key,
                fromRecord = item.Entry.FromOrdinal + 1, toRecord = item.Entry.ToOrdinal + 1,
                before = item.FromJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(item.FromJson),
                after = item.ToJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(item.ToJson),
            }, JsonSerializerOptions.Web));
        return 0;
    }

    public static async Task<int> EditMetadataAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--record", "--metadata");
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var version = await new RecordEditor(factory, catalog, TimeProvider.System).EditMetadataAsync(arguments.Required("--name", "support-chats"),
            arguments.VersionNumber(), Number(arguments, "--record") ?? throw Missing("--record"), arguments.Required("--metadata", "{\"topic\":\"billing\"}"),
            $"cli:{Environment.UserName}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, contentHash = version.ContentHash, parameters = version.Parameters }));
        return 0;
    }

    public static async Task<int> RedactAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--operator", "--threshold", "--key-env");
        var @operator = PiiCommands.Operator(arguments);
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var (version, counts) = await new DatasetRedactor(factory, catalog, TimeProvider.System).RunAsync(arguments.Required("--name", "support-chats"),
            arguments.VersionNumber(), @operator, PiiCommands.Threshold(arguments), PiiCommands.Key(arguments, @operator), $"cli:{Environment.UserName}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, contentHash = version.ContentHash, counts }, JsonSerializerOptions.Web));
        return 0;
    }

    public static async Task<int> PiiAuditAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--threshold");
        var (factory, catalog) = await DatasetCommands.OpenAsync(settings);
        var (_, version) = await catalog.FindAsync(arguments.Required("--name", "support-chats"), arguments.VersionNumber());
        var run = await new DatasetPiiAudits(factory, catalog, TimeProvider.System).ComputeAsync(version, $"cli:{Environment.UserName}", PiiCommands.Threshold(arguments));
        if (run.State == RunState.Failed) throw new Core.Validation.ValidationError("version", $"The PII audit of version {version.Number} failed: {run.Error}");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version = version.Number, audit = DatasetPiiAudits.Read(run) }, JsonSerializerOptions.Web));
        return 0;
    }

    private static int? Number(CliArguments arguments, string flag) => arguments.Flag(flag) is { } raw
        ? int.TryParse(raw, out var value) ? value : throw new CliUsageError($"{flag}: '{raw}' is not a whole number.")
        : null;

    private static CliUsageError Missing(string flag) => new($"{flag} is required, e.g. {flag} 1.");
}
