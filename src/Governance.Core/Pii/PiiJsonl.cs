using System.Text;
using System.Text.Json;
using Governance.Core.Validation;

namespace Governance.Core.Pii;

/// <summary>A finding in one string field of one JSONL line (1-based), the field named by its path, e.g. messages[1].content.</summary>
public sealed record JsonlFinding(long Line, string Field, PiiFinding Finding);

/// <summary>
/// Scans and rewrites the string fields of JSON lines: every string value, or only the top-level field asked for.
/// Field names are paths such as <c>text</c>, <c>metadata.email</c> or <c>messages[1].content</c>.
/// </summary>
public sealed class PiiJsonl(PiiScanner scanner, string? field = null)
{
    /// <summary>The string fields of one line (those selected), with their paths.</summary>
    public IReadOnlyList<(string Field, string Text)> Strings(string line, long number, string fileName)
    {
        using var document = Parse(line, number, fileName);
        var strings = new List<(string, string)>();
        Visit(document.RootElement, "", (path, value) => { strings.Add((path, value)); return value; });
        return strings;
    }

    /// <summary>The findings of one line.</summary>
    public IEnumerable<JsonlFinding> Scan(string line, long number, string fileName)
    {
        using var document = Parse(line, number, fileName);
        var findings = new List<JsonlFinding>();
        Visit(document.RootElement, "", (path, value) =>
        {
            foreach (var finding in scanner.Scan(value)) findings.Add(new JsonlFinding(number, path, finding));
            return value;
        });
        return findings;
    }

    /// <summary>The line with the findings of its fields rewritten by <paramref name="anonymizer"/>; how many were rewritten.</summary>
    public (string Line, int Rewritten) Rewrite(string line, long number, string fileName, PiiAnonymizer anonymizer)
    {
        using var document = Parse(line, number, fileName);
        var rewritten = 0;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(line.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, document.RootElement, "", (path, value) =>
            {
                var findings = scanner.Scan(value);
                rewritten += findings.Count;
                return anonymizer.Apply(value, findings);
            });
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), rewritten);
    }

    private static JsonDocument Parse(string line, long number, string fileName)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw new ValidationError("input", $"{fileName}:{number}: not valid JSON ({e.Message.Split('.')[0]})."); }
    }

    private bool Selected(string path) => field is null || path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);

    private void Visit(JsonElement element, string path, Func<string, string, string> onString)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Visit(property.Value, Join(path, property.Name), onString);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Visit(item, $"{path}[{i++}]", onString);
                break;
            case JsonValueKind.String when Selected(path):
                onString(path, element.GetString()!);
                break;
        }
    }

    private void Write(Utf8JsonWriter writer, JsonElement element, string path, Func<string, string, string> onString)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, Join(path, property.Name), onString);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in element.EnumerateArray()) Write(writer, item, $"{path}[{i++}]", onString);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String when Selected(path):
                writer.WriteStringValue(onString(path, element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
