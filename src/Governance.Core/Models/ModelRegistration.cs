using System.Text.Json;
using Governance.Core.Validation;

namespace Governance.Core.Models;

/// <summary>A dataset release named in a registration: its id and, optionally, the content hash the trainer saw.</summary>
public sealed record TrainedOnRelease(Guid ReleaseId, string? ContentHash);

/// <summary>
/// A request to register a trained model version: its name, base model (name and weights SHA-256), method,
/// hyper-parameters (a JSON object), the published dataset releases it was trained on, the SHA-256 of its artifact
/// (adapter or weights) and, optionally, its evaluation. <see cref="Validated"/> refuses, naming the field, what is malformed.
/// </summary>
public sealed record ModelRegistration(
    string? Name, string? BaseModel, string? BaseModelSha256, string? Method, string? HyperParametersJson,
    IReadOnlyList<TrainedOnRelease>? TrainedOn, string? ArtifactSha256, ModelEvaluation? Evaluation)
{
    /// <summary>The longest model or base model name.</summary>
    public const int MaxName = 100;

    /// <summary>The method as parsed by <see cref="Validated"/>.</summary>
    public ModelMethod ParsedMethod => Enum.Parse<ModelMethod>(Method!, ignoreCase: true);

    /// <summary>The registration with names trimmed and hashes in lower case; refused, naming the field, when malformed.</summary>
    public ModelRegistration Validated()
    {
        var name = RequireName(Name, "name");
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ValidationError("name", "Use letters, digits, '-', '_' and '.' only in the model name.");
        var baseModel = RequireName(BaseModel, "baseModel");
        if (!Enum.TryParse<ModelMethod>(Method?.Trim(), ignoreCase: true, out var method) || !Enum.IsDefined(method) || int.TryParse(Method, out _))
            throw new ValidationError("method", $"Name the method: one of {string.Join(", ", Enum.GetNames<ModelMethod>())}.");
        if (TrainedOn is not { Count: > 0 })
            throw new ValidationError("trainedOn", "Name at least one published dataset release the model was trained on.");
        var trainedOn = TrainedOn.Select((t, i) => t with
        {
            ContentHash = t.ContentHash is null ? null : Sha256Hex.Require(t.ContentHash, $"trainedOn[{i}].contentHash"),
        }).ToList();
        if (trainedOn.GroupBy(t => t.ReleaseId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ValidationError("trainedOn", $"Release {twice.Key} is named twice; name each release once.");
        return new(name, baseModel, Sha256Hex.Require(BaseModelSha256, "baseModelSha256"), method.ToString(), RequireObject(HyperParametersJson),
            trainedOn, Sha256Hex.Require(ArtifactSha256, "artifactSha256"), Evaluation?.Validated("evaluation"));
    }

    private static string RequireName(string? value, string field) =>
        value?.Trim() is { Length: > 0 and <= MaxName } trimmed ? trimmed
            : throw new ValidationError(field, $"Give the {field} (1 to {MaxName} characters).");

    private static string RequireObject(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            // Reported below, with the same words as a JSON value that is not an object.
        }
        throw new ValidationError("hyperParameters", "Give the hyper-parameters as a JSON object, e.g. {\"rank\": 8, \"learningRate\": 0.0002}.");
    }
}
