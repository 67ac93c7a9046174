using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Answers;

/// <summary>Span answers: a list of {start, end, label} with UTF-16 offsets into the record's span text, written sorted.</summary>
public static class SpanAnswers
{
    /// <summary>One marked span.</summary>
    public sealed record Span(int Start, int End, string Label);

    /// <summary>Checks the spans of <paramref name="value"/> against the labels and a text of <paramref name="textLength"/>, and writes them sorted.</summary>
    public static void Write(Utf8JsonWriter json, Question question, JsonElement value, int textLength, string field)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new ValidationError(field, "Spans are a list of {\"start\", \"end\", \"label\"}.");
        var spans = new List<Span>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("start", out var s) || !s.TryGetInt32(out var start)
                || !item.TryGetProperty("end", out var e) || !e.TryGetInt32(out var end) || !item.TryGetProperty("label", out var l) || l.ValueKind != JsonValueKind.String)
                throw new ValidationError(at, "A span is {\"start\": number, \"end\": number, \"label\": \"...\"}.");
            if (start < 0 || end <= start || end > textLength)
                throw new ValidationError(at, $"The span {start} to {end} is outside the text (0 to {textLength}) or empty.");
            var label = l.GetString()!;
            if (!question.LabelList.Contains(label, StringComparer.Ordinal))
                throw new ValidationError(at, $"'{label}' is not a label of this question; the labels are {string.Join(", ", question.LabelList)}.");
            spans.Add(new Span(start, end, label));
        }
        json.WriteStartArray();
        foreach (var span in spans.Distinct().OrderBy(x => x.Start).ThenBy(x => x.End).ThenBy(x => x.Label, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteNumber("start", span.Start);
            json.WriteNumber("end", span.End);
            json.WriteString("label", span.Label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The spans of a canonical answer.</summary>
    public static IReadOnlyList<Span> Read(JsonElement value) =>
        [.. value.EnumerateArray().Select(s => new Span(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), s.GetProperty("label").GetString()!))];
}
