using System.Buffers;
using System.Text;
using System.Text.Json;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Import;

/// <summary>
/// RFC 4180 CSV with a header row naming the fields. Quoted fields may hold commas, doubled quotes and line breaks.
/// The <c>messages</c> and <c>labels</c> columns hold JSON lists; every other cell is a string; empty cells are absent.
/// </summary>
internal static class CsvReader
{
    private static readonly HashSet<string> JsonColumns = ["messages", "labels"];

    public static async IAsyncEnumerable<(long, DatasetRecord?, string?)> Records(
        IAsyncEnumerable<(long Number, string Text)> lines, ImportReport report)
    {
        string[]? header = null;
        var fields = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        long start = 0;
        await foreach (var (number, text) in lines)
        {
            if (!quoted)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                start = number;
            }
            else cell.Append('\n');
            var error = Scan(text, fields, cell, ref quoted);
            if (error is not null)
            {
                yield return (start, null, error);
                (fields, quoted) = ([], false);
                cell.Clear();
                continue;
            }
            if (quoted) continue;
            fields.Add(cell.ToString());
            cell.Clear();
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1)?.Key;
                if (duplicate is not null || header.Any(string.IsNullOrEmpty))
                {
                    report.Fail(start, duplicate is null ? "the header row has an empty column name" : $"the header names '{duplicate}' twice");
                    yield break;
                }
            }
            else yield return ToRecord(start, header, fields);
            fields = [];
        }
        if (quoted) yield return (start, null, "a quoted field is never closed: add the closing '\"'");
    }

    /// <summary>Consumes one physical line into the current row; returns an error for a stray quote.</summary>
    private static string? Scan(string text, List<string> fields, StringBuilder cell, ref bool quoted)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] != ',')
                        return $"text after a closing quote at character {i + 2}; double quotes inside a quoted field (\"\")";
                }
            }
            else if (c == ',') { fields.Add(cell.ToString()); cell.Clear(); }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == '"') return $"a quote inside an unquoted field at character {i + 1}; quote the whole field";
            else cell.Append(c);
        }
        return null;
    }

    private static (long, DatasetRecord?, string?) ToRecord(long line, string[] header, List<string> cells)
    {
        if (cells.Count != header.Length)
            return (line, null, $"the row has {cells.Count} field(s); the header has {header.Length}");
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < header.Length; i++)
            {
                if (cells[i].Length == 0) continue;
                json.WritePropertyName(header[i]);
                if (!JsonColumns.Contains(header[i])) json.WriteStringValue(cells[i]);
                else if (!TryWriteJson(json, cells[i]))
                    return (line, null, $"column '{header[i]}' must hold a JSON list, e.g. [\"a\", \"b\"]");
            }
            json.WriteEndObject();
        }
        return DatasetFileReader.ParseJson(line, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static bool TryWriteJson(Utf8JsonWriter json, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return false;
            document.RootElement.WriteTo(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
