using Governance.Core.Models;

namespace Governance.Data.Models;

/// <summary>
/// A registered model version: name and number, base model, method, hyper-parameters, the artifact's SHA-256, the
/// evaluation results, who registered it and when, and the written sections of its model card. Its lineage is in
/// <see cref="ModelLineageRow"/>s, its release in a <see cref="ModelReleaseRow"/>.
/// </summary>
public sealed class ModelVersionRow
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>1 for the first version of a name, then counting up.</summary>
    public int Number { get; init; }

    public required string BaseModel { get; init; }

    public required string BaseModelSha256 { get; init; }

    public ModelMethod Method { get; init; }

    /// <summary>A JSON object.</summary>
    public required string HyperParametersJson { get; init; }

    /// <summary>The SHA-256 of the adapter or weights; a new one sends the release back to Trained.</summary>
    public required string ArtifactSha256 { get; set; }

    /// <summary>The last recorded <see cref="ModelEvaluation"/> as JSON; null before any.</summary>
    public string? EvaluationJson { get; set; }

    public required string RegisteredBy { get; init; }

    public DateTimeOffset RegisteredUtc { get; init; }

    public string? IntendedUse { get; set; }

    public string? OutOfScopeUse { get; set; }

    public string? Limitations { get; set; }

    public string? BiasAndFairness { get; set; }

    public string? License { get; set; }

    public string? CardUpdatedBy { get; set; }

    public DateTimeOffset? CardUpdatedUtc { get; set; }

    public ModelCardText CardText => new(IntendedUse, OutOfScopeUse, Limitations, BiasAndFairness, License);

    public void SetCardText(ModelCardText text) =>
        (IntendedUse, OutOfScopeUse, Limitations, BiasAndFairness, License) = (text.IntendedUse, text.OutOfScopeUse, text.Limitations, text.BiasAndFairness, text.License);
}
