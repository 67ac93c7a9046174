using System.Text.Json;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Typed reads of tokenizer JSON fields that name the file and field when one is missing or mistyped.</summary>
internal static class Json
{
    public static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{file}: is not valid JSON ({error.Message}).", error);
        }
    }

    public static string String(JsonElement node, string name, string file, string field) =>
        OptionalString(node, name) ?? throw TokenizerFault.In(file, $"{field}.{name}", "is missing or not a string.");

    public static string? OptionalString(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Bool(JsonElement node, string name, bool absent) =>
        node.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : absent;

    public static int Int(JsonElement node, string name, string file, string field) =>
        node.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : throw TokenizerFault.In(file, $"{field}.{name}", "is missing or not an integer.");

    public static JsonElement.ArrayEnumerator Array(JsonElement node, string name, string file, string field) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw TokenizerFault.In(file, $"{field}.{name}", "is missing or not an array.");

    public static JsonElement Property(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? value : default;
}
