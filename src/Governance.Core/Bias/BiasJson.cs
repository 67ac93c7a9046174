using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Core.Bias;

/// <summary>
/// The JSON form of configurations and results: camelCase names, verdicts as words, text written as it is (so term
/// lists in any script stay readable in the portal's editor), and unknown or null fields refused rather than ignored,
/// so that a misspelt field cannot silently switch a check off.
/// </summary>
public static class BiasJson
{
    /// <summary>Indented, for people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>One line, for storage and hashing.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>An audit result as JSON.</summary>
    public static string Serialize(BiasAuditResult result, bool indented = true) =>
        JsonSerializer.Serialize(result, indented ? Indented : Compact);

    /// <summary>A stored audit result.</summary>
    public static BiasAuditResult ParseResult(string json) =>
        JsonSerializer.Deserialize<BiasAuditResult>(json, Compact) ?? throw new JsonException("A stored bias audit result is null.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
