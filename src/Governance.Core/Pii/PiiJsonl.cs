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
        var strings = new List<(string, string)>();
        Visit(Encoding.UTF8.GetBytes(line), number, fileName, (path, value) => strings.Add((path.ToString(), value)));
        return strings;
    }

    /// <summary>The findings of one line.</summary>
    public IEnumerable<JsonlFinding> Scan(string line, long number, string fileName) => Scan(Encoding.UTF8.GetBytes(line), number, fileName);

    /// <summary>The findings of one line given as UTF-8, as read from a file: no string of the whole line is made.</summary>
    public IReadOnlyList<JsonlFinding> Scan(ReadOnlySpan<byte> line, long number, string fileName)
    {
        List<JsonlFinding>? findings = null;
        Visit(line, number, fileName, (path, value) =>
        {
            var found = scanner.Scan(value);
            if (found.Count == 0) return;
            var where = path.ToString();
            findings ??= [];
            foreach (var finding in found) findings.Add(new JsonlFinding(number, where, finding));
        });
        return findings ?? [];
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
        catch (JsonException e) { throw NotJson(number, fileName, e); }
    }

    private static ValidationError NotJson(long number, string fileName, Exception e) =>
        new("input", $"{fileName}:{number}: not valid JSON ({e.Message.Split('.')[0]}).");

    /// <summary>
    /// Calls <paramref name="onString"/> for each selected string value, reading the UTF-8 with a forward-only reader
    /// instead of building a document (the document cost as much as the scan); a value's path is spelled only on demand.
    /// </summary>
    private void Visit(ReadOnlySpan<byte> line, long number, string fileName, Action<JsonPath, string> onString)
    {
        var reader = new Utf8JsonReader(line);
        var path = new JsonPath();
        try
        {
            while (reader.Read())
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    case JsonTokenType.PropertyName:
                        path.Property(Text(ref reader, number, fileName));
                        break;
                    case JsonTokenType.String:
                        if (field is null || Selected(path.ToString())) onString(path, Text(ref reader, number, fileName));
                        path.ValueDone();
                        break;
                    default:
                        path.ValueDone();
                        break;
                }
        }
        catch (JsonException e) { throw NotJson(number, fileName, e); }
    }

    /// <summary>The current string token, unescaped; invalid UTF-8 in it only shows when it is read.</summary>
    private static string Text(ref Utf8JsonReader reader, long number, string fileName)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException e) { throw NotJson(number, fileName, e); }
    }

    private bool Selected(string path) => field is null || path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);

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
