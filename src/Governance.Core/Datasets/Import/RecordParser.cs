using System.Text.Json;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Import;

/// <summary>Turns one JSON object into a <see cref="DatasetRecord"/>, or says which field is wrong and why.</summary>
public static class RecordParser
{
    private static readonly HashSet<string> ShapeFields =
        ["prompt", "completion", "messages", "chosen", "rejected", "text", "label", "labels"];

    /// <summary>The accepted shapes, for error messages.</summary>
    public const string ShapesHint =
        "expected prompt+completion, messages, prompt+chosen+rejected, text, or text+label/labels";

    /// <summary>A record as stored (its canonical JSON line, valid by construction).</summary>
    public static DatasetRecord ParseCanonical(string canonicalJson)
    {
        using var document = JsonDocument.Parse(canonicalJson);
        return Parse(document.RootElement, out var error) ?? throw new FormatException($"A stored record does not parse: {error}");
    }

    /// <summary>The record, or null with <paramref name="error"/> set.</summary>
    public static DatasetRecord? Parse(JsonElement json, out string? error)
    {
        error = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            error = $"each record must be a JSON object, not {Describe(json.ValueKind)}";
            return null;
        }
        var shape = DetectShape(json);
        if (shape is null)
        {
            error = $"no recognised record shape ({ShapesHint}); found fields {FieldList(json)}";
            return null;
        }
        try
        {
            return Build(json, shape.Value);
        }
        catch (FieldError field)
        {
            error = field.Message;
            return null;
        }
    }

    private static RecordShape? DetectShape(JsonElement json)
    {
        bool Has(string name) => json.TryGetProperty(name, out _);
        if (Has("messages")) return RecordShape.Messages;
        if (Has("chosen") || Has("rejected")) return RecordShape.Preference;
        if (Has("prompt") || Has("completion")) return RecordShape.PromptCompletion;
        if (Has("label") || Has("labels")) return RecordShape.Classification;
        if (Has("text")) return RecordShape.Text;
        return null;
    }

    private static DatasetRecord Build(JsonElement json, RecordShape shape)
    {
        var metadata = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (ShapeFields.Contains(property.Name)) continue;
            if (property.Name == "metadata" && property.Value.ValueKind == JsonValueKind.Object)
            {
                // The canonical form's metadata object: its fields are the record's metadata, so exports import back.
                foreach (var field in property.Value.EnumerateObject())
                    if (!metadata.TryAdd(field.Name, field.Value.Clone()))
                        throw new FieldError($"'{field.Name}' is given both as a field and inside 'metadata'");
            }
            else if (!metadata.TryAdd(property.Name, property.Value.Clone()))
                throw new FieldError($"'{property.Name}' is given both as a field and inside 'metadata'");
        }
        return shape switch
        {
            RecordShape.PromptCompletion => new DatasetRecord
            {
                Shape = shape, Prompt = RequiredString(json, "prompt"), Completion = RequiredString(json, "completion"),
                Metadata = Unused(json, metadata, "messages", "chosen", "rejected", "text", "label", "labels"),
            },
            RecordShape.Preference => new DatasetRecord
            {
                Shape = shape, Prompt = RequiredString(json, "prompt"), Chosen = RequiredString(json, "chosen"),
                Rejected = RequiredString(json, "rejected"),
                Metadata = Unused(json, metadata, "completion", "text", "label", "labels"),
            },
            RecordShape.Messages => new DatasetRecord
            {
                Shape = shape, Messages = Turns(json), Metadata = Unused(json, metadata, "prompt", "completion", "text", "label", "labels"),
            },
            RecordShape.Classification => Classification(json, metadata),
            _ => new DatasetRecord { Shape = shape, Text = RequiredString(json, "text"), Metadata = metadata },
        };
    }

    private static DatasetRecord Classification(JsonElement json, SortedDictionary<string, JsonElement> metadata)
    {
        var text = RequiredString(json, "text");
        if (json.TryGetProperty("label", out var label))
        {
            if (json.TryGetProperty("labels", out _)) throw new FieldError("give either 'label' or 'labels', not both");
            return new DatasetRecord { Shape = RecordShape.Classification, Text = text, Labels = [LabelText(label, "label")], Metadata = metadata };
        }
        var labels = json.GetProperty("labels");
        if (labels.ValueKind != JsonValueKind.Array)
            throw new FieldError($"field 'labels' must be a list of labels, got {Describe(labels.ValueKind)}");
        var values = labels.EnumerateArray().Select((l, i) => LabelText(l, $"labels[{i}]")).ToList();
        return new DatasetRecord { Shape = RecordShape.Classification, Text = text, Labels = values, MultiLabel = true, Metadata = metadata };
    }

    private static List<ChatTurn> Turns(JsonElement json)
    {
        var messages = json.GetProperty("messages");
        if (messages.ValueKind != JsonValueKind.Array)
            throw new FieldError($"field 'messages' must be a list of {{role, content}} turns, got {Describe(messages.ValueKind)}");
        var turns = new List<ChatTurn>();
        foreach (var turn in messages.EnumerateArray())
        {
            var at = $"messages[{turns.Count}]";
            if (turn.ValueKind != JsonValueKind.Object) throw new FieldError($"{at} must be an object with role and content");
            var role = RequiredString(turn, "role", at);
            if (!ChatTurn.Roles.Contains(role))
                throw new FieldError($"{at}.role '{role}' is not one of {string.Join(", ", ChatTurn.Roles)}");
            turns.Add(new ChatTurn(role, RequiredString(turn, "content", at)));
        }
        return turns.Count > 0 ? turns : throw new FieldError("field 'messages' is empty");
    }

    private static string LabelText(JsonElement label, string at) => label.ValueKind switch
    {
        JsonValueKind.String when label.GetString()!.Length > 0 => label.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => label.GetRawText(),
        _ => throw new FieldError($"{at} must be a non-empty string, number or boolean, got {Describe(label.ValueKind)}"),
    };

    private static string RequiredString(JsonElement json, string name, string? at = null)
    {
        var path = at is null ? $"field '{name}'" : $"{at}.{name}";
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new FieldError($"{path} is missing");
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FieldError($"{path} must be a string, got {Describe(value.ValueKind)}");
    }

    /// <summary>Fields of another shape in this record are an error, not metadata: they signal a mixed-up file.</summary>
    private static SortedDictionary<string, JsonElement> Unused(JsonElement json, SortedDictionary<string, JsonElement> metadata, params string[] foreign)
    {
        var present = foreign.Where(f => json.TryGetProperty(f, out _)).ToList();
        return present.Count == 0
            ? metadata
            : throw new FieldError($"field(s) {string.Join(", ", present.Select(p => $"'{p}'"))} do not belong with the others ({ShapesHint})");
    }

    private static string FieldList(JsonElement json)
    {
        var names = json.EnumerateObject().Select(p => p.Name).Take(8).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private sealed class FieldError(string message) : Exception(message);
}
