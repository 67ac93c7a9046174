using System.Text.Json;

namespace Governance.Core.Evaluation;

/// <summary>The JSON form of evaluation results for model cards: camelCase names, indented for people.</summary>
public static class EvaluationJson
{
    /// <summary>The serializer options used for every evaluation result.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A comparison as JSON, derived relative changes included.</summary>
    public static string Serialize(BaseTunedComparison comparison) => JsonSerializer.Serialize(comparison, Options);

    /// <summary>A comparison read back from <see cref="Serialize"/>'s output.</summary>
    public static BaseTunedComparison ParseComparison(string json) =>
        JsonSerializer.Deserialize<BaseTunedComparison>(json, Options) ?? throw new JsonException("A stored base/tuned comparison is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
