using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Core.Pii;

namespace Governance.Cli.Commands;

/// <summary>`governance pii scan|redact`: personal data in JSONL files, for pipelines. Values never reach the output of a scan.</summary>
internal static class PiiCommands
{
    public static async Task<int> ScanAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--input", "--field", "--threshold");
        var (file, jsonl) = Open(arguments);
        long number = 0;
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            foreach (var found in jsonl.Scan(line, number, file))
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    line = found.Line, field = found.Field, type = found.Finding.Type, start = found.Finding.Start, end = found.Finding.End,
                    score = Math.Round(found.Finding.Score, 3),
                }));
        }
        return 0;
    }

    public static async Task<int> RedactAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--input", "--output", "--operator", "--field", "--threshold", "--key-env");
        var (file, jsonl) = Open(arguments);
        var target = arguments.Required("--output", "redacted.jsonl");
        var @operator = Operator(arguments);
        var anonymizer = new PiiAnonymizer(@operator, Key(arguments, @operator));
        var partial = target + ".partial";
        long number = 0, rewritten = 0;
        try
        {
            using (var reader = new StreamReader(file, Encoding.UTF8))
            await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false)))
                while (await reader.ReadLineAsync() is { } line)
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line)) { await writer.WriteLineAsync(line); continue; }
                    var (result, count) = jsonl.Rewrite(line, number, file, anonymizer);
                    rewritten += count;
                    await writer.WriteAsync(result + "\n");
                }
            // All or nothing: the output appears only when every line was read.
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new { lines = number, rewritten, @operator = @operator.ToString().ToLowerInvariant(), output = target }));
        return 0;
    }

    /// <summary>The --operator flag.</summary>
    internal static AnonymizationOperator Operator(CliArguments arguments)
    {
        var raw = arguments.Required("--operator", "replace");
        return Enum.TryParse<AnonymizationOperator>(raw, ignoreCase: true, out var @operator) && !int.TryParse(raw, out _)
            ? @operator : throw new CliUsageError($"--operator: '{raw}' is not one of redact, replace, mask, hash, pseudonym.");
    }

    /// <summary>The secret named by --key-env: required for hash, optional (a seed) for pseudonym.</summary>
    internal static byte[]? Key(CliArguments arguments, AnonymizationOperator @operator)
    {
        if (arguments.Flag("--key-env") is not { } variable)
            return @operator == AnonymizationOperator.Hash
                ? throw new CliUsageError("--operator hash needs --key-env VAR, the environment variable holding the project's secret key.")
                : null;
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret)
            : throw new CliUsageError($"--key-env: the environment variable {variable} is not set.");
    }

    /// <summary>The --threshold flag, or the default.</summary>
    internal static double Threshold(CliArguments arguments) => arguments.Flag("--threshold") is { } raw
        ? double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : throw new CliUsageError($"--threshold: '{raw}' is not a number such as 0.5.")
        : PiiSettings.DefaultThreshold;

    private static (string File, PiiJsonl Jsonl) Open(CliArguments arguments)
    {
        var file = arguments.ExistingFile("--input", "records.jsonl");
        return (file, new PiiJsonl(new PiiScanner(new PiiSettings(Threshold(arguments))), arguments.Flag("--field")));
    }
}
