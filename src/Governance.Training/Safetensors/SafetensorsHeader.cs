using System.Text.Json;

namespace Governance.Training.Safetensors;

/// <summary>Parses and checks the JSON header of a safetensors file, naming the file and tensor on any fault.</summary>
internal static class SafetensorsHeader
{
    public const string MetadataKey = "__metadata__";

    public static (Dictionary<string, SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(
        ReadOnlySpan<byte> json, long dataLength, string file)
    {
        using var document = ParseJson(json, file);
        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == MetadataKey)
                foreach (var item in property.Value.EnumerateObject())
                    metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                        ? item.Value.GetString()!
                        : throw Fault(file, $"metadata value '{item.Name}' is not a string");
            else
                entries[property.Name] = ParseEntry(property, dataLength, file);
        }
        return (entries, metadata);
    }

    private static JsonDocument ParseJson(ReadOnlySpan<byte> json, string file)
    {
        try
        {
            var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException error)
        {
            throw Fault(file, $"the header is not valid JSON ({error.Message})");
        }
        throw Fault(file, "the header is not a JSON object");
    }

    private static SafetensorsEntry ParseEntry(JsonProperty property, long dataLength, string file)
    {
        var name = property.Name;
        try
        {
            var value = property.Value;
            var dtypeName = value.GetProperty("dtype").GetString() ?? "";
            var dtype = SafetensorsDTypes.Parse(dtypeName) ?? throw Fault(file, $"tensor '{name}' has unsupported dtype '{dtypeName}'");
            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
                throw Fault(file, $"tensor '{name}' has data_offsets outside the {dataLength} data bytes");
            if (shape.Any(d => d < 0) || offsets[1] - offsets[0] != SafetensorsTensor.ByteLength(dtype, shape))
                throw Fault(file, $"tensor '{name}' has {offsets[1] - offsets[0]} bytes, which does not fit {dtype} [{string.Join(", ", shape)}]");
            return new SafetensorsEntry(dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Fault(file, $"tensor '{name}' lacks a valid dtype, shape or data_offsets");
        }
    }

    public static InvalidDataException Fault(string file, string problem) =>
        new($"{Path.GetFileName(file)} is not a valid safetensors file: {problem}.");
}
