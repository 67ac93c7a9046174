using Governance.Core.Bias;
using Governance.Core.Datasets.Import;
using Governance.Core.Validation;

namespace Governance.Cli.Commands;

/// <summary>`governance bias audit|default-config`: a dataset file's bias audit, no database needed, and the configuration to start from.</summary>
internal static class BiasCommands
{
    public static async Task<int> AuditAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        arguments.AllowOnly("--input", "--config");
        var file = arguments.ExistingFile("--input", "records.jsonl");
        var configuration = arguments.Has("--config") ? await ReadConfigurationAsync(arguments.ExistingFile("--config", "bias.json")) : BiasConfiguration.Default;
        var builder = new BiasAuditBuilder(configuration);
        await using var stream = File.OpenRead(file);
        var report = await DatasetFileReader.ReadAsync(stream, ImportFormats.FromFileName(file), ImportLimits.Default, record =>
        {
            builder.Add(BiasRecord.From(record, configuration.Label));
            return ValueTask.CompletedTask;
        });
        if (!report.Accepted)
        {
            await DatasetCommands.WriteBadLinesAsync(report, file, error);
            await error.WriteLineAsync($"No audit: {report.ErrorCount} bad line(s) in {file}; every record must be readable for the findings to be reproducible.");
            return 1;
        }
        await output.WriteLineAsync(BiasJson.Serialize(builder.Build()));
        return 0;
    }

    public static int DefaultConfig(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly();
        output.WriteLine(BiasConfigurationJson.Serialize(BiasConfiguration.Default));
        return 0;
    }

    private static async Task<BiasConfiguration> ReadConfigurationAsync(string file)
    {
        try
        {
            return BiasConfigurationJson.Parse(await File.ReadAllTextAsync(file));
        }
        catch (ValidationError e)
        {
            // The field alone would not say which of the two input files is at fault.
            throw new ValidationError($"{file}: {e.Field}", e.Message);
        }
    }
}
