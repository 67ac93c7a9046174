using System.Text.Json;
using Governance.Core.Models;
using Governance.Core.Releases;
using Governance.Data.Models;

namespace Governance.Portal.Api;

/// <summary>
/// A registered model version as the API and the pages show it: its lineage (each release marked when revoked),
/// hyper-parameters, artifact, evaluation, model card with the sections it lacks, and its release.
/// </summary>
public sealed record ModelView(
    Guid Id, string Name, int Number, string BaseModel, string BaseModelSha256, string Method, JsonElement HyperParameters, string ArtifactSha256,
    ModelEvaluation? Evaluation, string RegisteredBy, DateTimeOffset RegisteredUtc, IReadOnlyList<DatasetLineage> TrainedOn, bool TrainedOnRevokedData,
    ModelCardView Card, ModelReleaseView Release)
{
    public static ModelView Of(StoredModel stored, Actor caller)
    {
        var version = stored.Version;
        using var hyperParameters = JsonDocument.Parse(version.HyperParametersJson);
        return new(version.Id, version.Name, version.Number, version.BaseModel, version.BaseModelSha256, version.Method.ToString(),
            hyperParameters.RootElement.Clone(), version.ArtifactSha256, stored.Evaluation, version.RegisteredBy, version.RegisteredUtc, stored.Lineage,
            stored.RevokedLineage.Count > 0, ModelCardView.Of(stored), ModelReleaseView.Of(stored, caller));
    }
}

/// <summary>The model card: every section by name, the ones missing, and who last edited the written ones.</summary>
public sealed record ModelCardView(
    string? IntendedUse, string? OutOfScopeUse, string? Limitations, string? TrainingData, string? Evaluation, string? BiasAndFairness, string? License,
    IReadOnlyList<string> Missing, bool Complete, string? UpdatedBy, DateTimeOffset? UpdatedUtc)
{
    public static ModelCardView Of(StoredModel stored)
    {
        var (card, text) = (stored.Card, stored.Card.Text);
        return new(text.IntendedUse, text.OutOfScopeUse, text.Limitations, card.TrainingData, card.Evaluation, text.BiasAndFairness, text.License,
            card.MissingSections, card.MissingSections.Count == 0, stored.Version.CardUpdatedBy, stored.Version.CardUpdatedUtc);
    }
}

/// <summary>
/// A model release: where it stands, the approvals (and whether each counts), the timeline, the actions the caller may
/// take now (the server checks each again), and why the gate would refuse submitting, approving or deploying now.
/// </summary>
public sealed record ModelReleaseView(
    Guid Id, Guid ModelId, string Model, int Version, string State, string WeightsHash, int RequiredApprovals, string? SubmittedBy,
    DateTimeOffset UpdatedUtc, IReadOnlyList<ApprovalView> Approvals, IReadOnlyList<StepView> Timeline, IReadOnlyList<string> Actions,
    IReadOnlyList<string> Blocked)
{
    public static ModelReleaseView Of(StoredModel stored, Actor caller)
    {
        var release = stored.Release;
        var valid = release.ValidApprovals.ToHashSet();
        var gate = stored.Gate;
        return new(stored.ReleaseRow.Id, stored.Version.Id, stored.Version.Name, stored.Version.Number, release.State.ToString(), release.WeightsHash,
            release.RequiredApprovals, release.SubmittedBy, stored.ReleaseRow.UpdatedUtc,
            [.. release.Approvals.Select(a => new ApprovalView(a.Approver, a.ByComplianceOfficer, a.ContentHash, a.AtUtc, valid.Contains(a)))],
            [.. stored.Steps.Select(StepView.Of)], [.. release.ActionsFor(caller).Where(a => a != "record-evaluation")],
            [.. gate.RevokedTrainingData.Select(r => $"Trained on revoked data: {r}"),
                .. gate.MissingCardSections.Count == 0 ? [] : new[] { $"Model card incomplete: {string.Join(", ", gate.MissingCardSections)}" }]);
    }
}

/// <summary>Register a model version; <see cref="HyperParameters"/> is a JSON object, <see cref="Method"/> one of LoRA (Lora), FullSft, Dapt, Dpo.</summary>
public sealed record RegisterModelRequest(
    string? Name, string? BaseModel, string? BaseModelSha256, string? Method, JsonElement? HyperParameters, IReadOnlyList<TrainedOnRelease>? TrainedOn,
    string? ArtifactSha256, ModelEvaluation? Evaluation)
{
    public ModelRegistration ToRegistration() =>
        new(Name, BaseModel, BaseModelSha256, Method, HyperParameters?.GetRawText(), TrainedOn, ArtifactSha256, Evaluation);
}

/// <summary>The written sections of a model card; a section left out or blank is empty.</summary>
public sealed record ModelCardRequest(string? IntendedUse, string? OutOfScopeUse, string? Limitations, string? BiasAndFairness, string? License)
{
    public ModelCardText ToText() => new(IntendedUse, OutOfScopeUse, Limitations, BiasAndFairness, License);
}

/// <summary>The SHA-256 of new weights for a model version.</summary>
public sealed record ModelArtifactRequest(string? ArtifactSha256);

/// <summary>A model release transition's comment (required to reject and revoke).</summary>
public sealed record ModelReleaseActionRequest(string? Comment);
