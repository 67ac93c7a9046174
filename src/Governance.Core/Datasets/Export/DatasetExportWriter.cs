using System.Text;
using System.Text.Json;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Export;

/// <summary>Writes a version's records, given as their stored canonical JSON, to a stream in an export format.</summary>
public static class DatasetExportWriter
{
    /// <summary>Streams every record of <paramref name="canonicalLines"/> to <paramref name="output"/>; returns the count.</summary>
    public static async Task<long> WriteAsync(
        IAsyncEnumerable<string> canonicalLines, RecordShape shape, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        if (format == ExportFormat.Csv) await writer.WriteLineAsync(string.Join(',', CsvColumns(shape)));
        long count = 0;
        await foreach (var line in canonicalLines.WithCancellation(cancellationToken))
        {
            switch (format)
            {
                case ExportFormat.Canonical:
                    await writer.WriteLineAsync(line);
                    break;
                case ExportFormat.Trl:
                    await writer.WriteLineAsync(CanonicalJson.SerializeToString(RecordParser.ParseCanonical(line) with { Metadata = Empty }));
                    break;
                case ExportFormat.Csv:
                    await writer.WriteLineAsync(CsvRow(RecordParser.ParseCanonical(line)));
                    break;
                default:
                    throw new ArgumentException($"{format} is not a one-file format.", nameof(format));
            }
            count++;
        }
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Escapes a CSV cell, and defuses one that a spreadsheet would evaluate (=, +, -, @, tab, carriage return).</summary>
    public static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new SortedDictionary<string, JsonElement>();

    private static IReadOnlyList<string> CsvColumns(RecordShape shape) => shape switch
    {
        RecordShape.PromptCompletion => ["prompt", "completion", "metadata"],
        RecordShape.Messages => ["messages", "metadata"],
        RecordShape.Preference => ["prompt", "chosen", "rejected", "metadata"],
        RecordShape.Classification => ["text", "labels", "metadata"],
        _ => ["text", "metadata"],
    };

    private static string CsvRow(DatasetRecord record)
    {
        var metadata = record.Metadata.Count == 0 ? "" : JsonSerializer.Serialize(record.Metadata);
        IEnumerable<string> cells = record.Shape switch
        {
            RecordShape.PromptCompletion => [record.Prompt!, record.Completion!, metadata],
            RecordShape.Messages => [JsonSerializer.Serialize(record.Messages!.Select(m => new { role = m.Role, content = m.Content })), metadata],
            RecordShape.Preference => [record.Prompt!, record.Chosen!, record.Rejected!, metadata],
            RecordShape.Classification => [JsonSerializer.Serialize(record.Labels), metadata],
            _ => [record.Text!, metadata],
        };
        if (record.Shape == RecordShape.Classification) cells = cells.Prepend(record.Text!);
        return string.Join(',', cells.Select(CsvCell));
    }

}
