using System.Text.Json;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Export;
using Governance.Core.Datasets.Import;
using Governance.Data;
using Governance.Data.Datasets;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Cli.Commands;

/// <summary>`governance datasets import|list|export`: the portal's dataset operations for pipelines.</summary>
internal static class DatasetCommands
{
    public static async Task<int> ImportAsync(CliArguments arguments, SettingReader settings, TextWriter output, TextWriter error)
    {
        arguments.AllowOnly("--file", "--name", "--source", "--licence", "--purpose", "--format");
        var file = arguments.Required("--file", "chats.jsonl");
        if (!File.Exists(file)) throw new CliUsageError($"--file: '{file}' does not exist.");
        var format = arguments.Flag("--format") is { } named
            ? new SettingReader(_ => named).Enum("--format", ImportFormat.Jsonl)
            : ImportFormats.FromFileName(file);
        var limits = ImportLimits.Default;
        limits.CheckFileSize(new FileInfo(file).Length);
        var request = new ImportRequest(arguments.Required("--name", "support-chats"), arguments.Flag("--source") ?? "",
            arguments.Flag("--licence") ?? "", arguments.Flag("--purpose") ?? "", Path.GetFileName(file), format, $"cli:{Environment.UserName}");

        var (factory, _) = await OpenAsync(settings);
        await using var stream = File.OpenRead(file);
        var outcome = await new DatasetImporter(factory, TimeProvider.System).ImportAsync(stream, request, limits);
        if (!outcome.Report.Accepted)
        {
            await WriteBadLinesAsync(outcome.Report, file, error);
            await error.WriteLineAsync(outcome.Report.Summary);
            return 1;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            dataset = outcome.Dataset!.Name, version = outcome.Version!.Number, shape = outcome.Version.Shape.ToString(),
            records = outcome.Version.RecordCount, contentHash = outcome.Version.ContentHash,
        }));
        return 0;
    }

    /// <summary>A rejected file's bad lines as FILE:LINE: reason.</summary>
    internal static async Task WriteBadLinesAsync(ImportReport report, string file, TextWriter error)
    {
        foreach (var bad in report.Errors) await error.WriteLineAsync($"{file}:{bad.Line}: {bad.Reason}");
        if (report.ErrorCount > report.Errors.Count)
            await error.WriteLineAsync($"... and {report.ErrorCount - report.Errors.Count} more bad line(s)");
    }

    public static async Task<int> ListAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly();
        var (_, catalog) = await OpenAsync(settings);
        foreach (var summary in await catalog.ListAsync())
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                dataset = summary.Dataset.Name, versions = summary.Versions, latest = summary.Latest.Number,
                shape = summary.Latest.Shape.ToString(), records = summary.Latest.RecordCount, contentHash = summary.Latest.ContentHash,
            }));
        return 0;
    }

    public static async Task<int> ExportAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--name", "--version", "--format", "--output");
        var name = arguments.Required("--name", "support-chats");
        var format = new SettingReader(key => arguments.Flag(key)).Enum("--format", ExportFormat.Canonical);
        var target = arguments.Required("--output", "support-chats.jsonl");
        var (_, catalog) = await OpenAsync(settings);
        var (dataset, version) = await catalog.FindAsync(name, arguments.VersionNumber());
        long count;
        if (format == ExportFormat.HuggingFace)
            count = await catalog.ExportFolderAsync(dataset, version, path =>
                File.Create(Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, path))!).FullName + "/" + Path.GetFileName(path)));
        else
            await using (var file = File.Create(target)) count = await catalog.ExportAsync(version, format, file);
        await output.WriteLineAsync($"Wrote {count} record(s) of {name} version {version.Number} as {format} to {target}.");
        return 0;
    }

    /// <summary>The database named by the settings, refused when its migrations lag behind.</summary>
    internal static async Task<(IDbContextFactory<GovernanceDbContext> Factory, DatasetCatalog Catalog)> OpenAsync(SettingReader settings)
    {
        var deployment = DeploymentSettings.Read(settings);
        await new DatabaseMigrator(deployment).EnsureUpToDateAsync();
        var factory = new ProviderContextFactory(deployment.Provider, deployment.ConnectionString);
        return (factory, new DatasetCatalog(factory));
    }
}
