using System.Text.Json;
using Governance.Core.Models;
using Governance.Core.Releases;

namespace Governance.Data.Models;

/// <summary>A registered model version with its lineage, its release's steps in order and the release they rebuild.</summary>
public sealed record StoredModel(
    ModelVersionRow Version, IReadOnlyList<DatasetLineage> Lineage, ModelReleaseRow ReleaseRow, IReadOnlyList<ModelReleaseStepRow> Steps, ModelRelease Release)
{
    /// <summary>The recorded evaluation; null before any (or since new weights).</summary>
    public ModelEvaluation? Evaluation => EvaluationJson.Read(Version.EvaluationJson);

    /// <summary>The model card: the written sections, training data from the lineage, evaluation from the results.</summary>
    public ModelCard Card => ModelCard.Compose(Version.CardText, Lineage, Evaluation);

    /// <summary>The revoked dataset releases the model was trained on, each described with the revocation.</summary>
    public IReadOnlyList<DatasetLineage> RevokedLineage => [.. Lineage.Where(l => l.Revoked)];

    /// <summary>What the card and lineage say now, for the next step.</summary>
    public ModelGate Gate => new(Card.MissingSections, [.. RevokedLineage.Select(l => l.DescribeRevocation())]);

    /// <summary>Replays <paramref name="steps"/> (in order) through the Core rules.</summary>
    public static StoredModel Of(ModelVersionRow version, IReadOnlyList<DatasetLineage> lineage, ModelReleaseRow release, IReadOnlyList<ModelReleaseStepRow> steps) =>
        new(version, lineage, release, steps, ReleaseStep.ReplayModel(release.RequiredApprovals, [.. steps.Select(s => s.ToStep())]));
}

/// <summary>How an evaluation is stored: web-style JSON (camelCase).</summary>
public static class EvaluationJson
{
    public static string Write(ModelEvaluation evaluation) => JsonSerializer.Serialize(evaluation, JsonSerializerOptions.Web);

    public static ModelEvaluation? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<ModelEvaluation>(json, JsonSerializerOptions.Web);
}
