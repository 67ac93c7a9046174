using System.Text.Json.Nodes;

namespace Governance.Training.Models;

/// <summary>
/// The fields of a Hugging Face <c>config.json</c>, read with messages that name the file and the field at fault.
/// </summary>
public sealed class ConfigJson
{
    /// <summary>The file name of a model folder's configuration.</summary>
    public const string FileName = "config.json";

    private readonly JsonObject _json;

    private ConfigJson(string file, JsonObject json)
    {
        File = file;
        _json = json;
    }

    /// <summary>The file's name, as messages quote it.</summary>
    public string File { get; }

    /// <summary>Parses <paramref name="path"/>; a missing file or one that is not a JSON object is refused by name.</summary>
    public static ConfigJson Read(string path)
    {
        var file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"The model folder has no {file}.", path);
        try
        {
            return JsonNode.Parse(System.IO.File.ReadAllText(path)) is JsonObject json
                ? new ConfigJson(file, json)
                : throw new InvalidDataException($"{file} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {error.Message}", error);
        }
    }

    /// <summary>Whether <paramref name="field"/> is present, even with a null value.</summary>
    public bool Contains(string field) => _json.ContainsKey(field);

    /// <summary>The node of <paramref name="field"/>, or null when absent or null.</summary>
    public JsonNode? Node(string field) => _json[field];

    /// <summary>The string <paramref name="field"/>, or null when absent.</summary>
    public string? String(string field) => _json[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw Fault(field, "must be a string"),
    };

    /// <summary>The whole number <paramref name="field"/>, or null when absent.</summary>
    public int? Int(string field) => Value<int>(field, "a whole number");

    /// <summary>The number <paramref name="field"/>, or null when absent.</summary>
    public double? Double(string field) => Value<double>(field, "a number");

    /// <summary>The true/false <paramref name="field"/>, or null when absent.</summary>
    public bool? Bool(string field) => Value<bool>(field, "true or false");

    /// <summary>The whole number <paramref name="field"/>, refused by name when absent.</summary>
    public int RequiredInt(string field) => Int(field) ?? throw Fault(field, "is missing");

    /// <summary>One whole number or a list of them (as eos_token_id may be), empty when absent.</summary>
    public IReadOnlyList<int> Ints(string field) => _json[field] switch
    {
        null => [],
        JsonArray items => [.. items.Select(item => item is JsonValue value && value.TryGetValue<int>(out var id) ? id : throw Fault(field, "must hold whole numbers only"))],
        _ => [Int(field)!.Value],
    };

    /// <summary>A message naming this file and <paramref name="field"/>, ending with <paramref name="problem"/>.</summary>
    public InvalidDataException Fault(string field, string problem) => new($"{File}: {field} {problem}.");

    private T? Value<T>(string field, string kind) where T : struct => _json[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<T>(out var result) => result,
        _ => throw Fault(field, $"must be {kind}"),
    };
}
