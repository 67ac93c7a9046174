using System.Text.Json;
using Governance.Core.Models;
using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Audit;
using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>
/// Registering model versions and changing what the registry knows of them: the model card's written sections, the
/// evaluation results (the release's "record-evaluation" step) and the artifact (new weights send the release back to
/// Trained and void its evaluation). Every change is in the audit trail.
/// </summary>
public sealed class ModelRegistry(
    IDbContextFactory<GovernanceDbContext> databases, ModelQueries queries, ReleaseTrail releaseTrail, AuditTrail trail, ReleaseSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Registers the next version of the model named in <paramref name="registration"/> with its release (Trained, or
    /// Evaluated when results come with it). Lineage must name Published dataset releases; a refusal names the field.
    /// </summary>
    public async Task<StoredModel> RegisterAsync(ModelRegistration registration, Actor actor, string? client, CancellationToken cancellationToken = default)
    {
        var valid = registration.Validated();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var lineage = await PublishedLineage.ResolveAsync(db, valid.TrainedOn!, cancellationToken);
        var now = clock.GetUtcNow();
        var number = 1 + (await db.ModelVersions.Where(m => m.Name == valid.Name).MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0);
        var version = new ModelVersionRow
        {
            Id = Guid.NewGuid(), Name = valid.Name!, Number = number, BaseModel = valid.BaseModel!, BaseModelSha256 = valid.BaseModelSha256!,
            Method = valid.ParsedMethod, HyperParametersJson = valid.HyperParametersJson!, ArtifactSha256 = valid.ArtifactSha256!,
            EvaluationJson = valid.Evaluation is null ? null : EvaluationJson.Write(valid.Evaluation), RegisteredBy = actor.Name, RegisteredUtc = now,
        };
        var releaseRow = new ModelReleaseRow
        {
            Id = Guid.NewGuid(), ModelVersionId = version.Id, WeightsHash = version.ArtifactSha256, RequiredApprovals = settings.RequiredApprovals,
            CreatedUtc = now, UpdatedUtc = now,
        };
        var lineageRows = lineage.Select(l => new ModelLineageRow
        {
            ModelVersionId = version.Id, DatasetReleaseId = l.ReleaseId, Dataset = l.Dataset, VersionNumber = l.Version, ContentHash = l.ContentHash,
        }).ToList();
        var taken = new ModelTransaction(new StoredModel(version, lineage, releaseRow, [], new ModelRelease(version.ArtifactSha256, releaseRow.RequiredApprovals)));
        taken.Apply(new ReleaseStep(ReleaseStep.ChangeContent, actor.Name, [.. actor.Roles], now, ContentHash: version.ArtifactSha256), ModelGate.AsTaken);
        if (valid.Evaluation is not null) taken.Apply(new ReleaseStep("record-evaluation", actor.Name, [.. actor.Roles], now), taken.Stored.Gate);
        taken.Trail.Insert(0, new TrailEntry(actor.Name, $"model:{version.Id}", "model-register", "{}", JsonSerializer.Serialize(new
        {
            name = version.Name, number, method = version.Method.ToString(), baseModelSha256 = version.BaseModelSha256, artifactSha256 = version.ArtifactSha256,
            trainedOn = lineage.Select(l => new { l.ReleaseId, l.ContentHash }),
        })));
        db.ModelVersions.Add(version);
        db.ModelLineage.AddRange(lineageRows);
        db.ModelReleases.Add(releaseRow);
        await taken.CommitAsync(db, releaseTrail, now, client, cancellationToken);
        return await queries.FindAsync(version.Id, cancellationToken);
    }

    /// <summary>Replaces the written sections of the card; only before the model is submitted, so reviewers approve what they read.</summary>
    public async Task<StoredModel> EditCardAsync(Guid id, ModelCardText text, Actor actor, string? client, CancellationToken cancellationToken = default)
    {
        var valid = text.Validated();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stored = await ModelQueries.FindAsync(db, id, cancellationToken);
        if (stored.Release.State is not (ModelReleaseState.Trained or ModelReleaseState.Evaluated))
            throw new RefusedError(Refusal.Conflict, $"The model card is frozen once the model is submitted; this release is {stored.Release.State}. Register a new version to change it.");
        var before = stored.Card.MissingSections;
        stored.Version.SetCardText(valid);
        (stored.Version.CardUpdatedBy, stored.Version.CardUpdatedUtc) = (actor.Name, clock.GetUtcNow());
        // The release's concurrency token: a submit at the same moment and this edit cannot both succeed.
        stored.ReleaseRow.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RefusedError(Refusal.Conflict, "The model's release changed while you edited its card (it may have been submitted); reload and try again.");
        }
        var after = await queries.FindAsync(id, cancellationToken);
        await trail.AppendAsync(actor.Name, client, $"model:{id}", "model-card-edit", JsonSerializer.Serialize(new { missing = before }),
            JsonSerializer.Serialize(new { missing = after.Card.MissingSections }), cancellationToken);
        return after;
    }

    /// <summary>Stores the evaluation results and takes the release's "record-evaluation" step.</summary>
    public async Task<StoredModel> RecordEvaluationAsync(Guid id, ModelEvaluation evaluation, Actor actor, string? client, CancellationToken cancellationToken = default)
    {
        var valid = evaluation.Validated("evaluation");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = new ModelTransaction(await ModelQueries.FindAsync(db, id, cancellationToken));
        var now = clock.GetUtcNow();
        taken.Apply(new ReleaseStep("record-evaluation", actor.Name, [.. actor.Roles], now, valid.Describe()), taken.Stored.Gate);
        taken.Stored.Version.EvaluationJson = EvaluationJson.Write(valid);
        await taken.CommitAsync(db, releaseTrail, now, client, cancellationToken);
        return await queries.FindAsync(id, cancellationToken);
    }

    /// <summary>New weights for the version: only before review; the release goes back to Trained and the old evaluation is void.</summary>
    public async Task<StoredModel> ChangeArtifactAsync(Guid id, string? artifactSha256, Actor actor, string? client, CancellationToken cancellationToken = default)
    {
        var hash = Sha256Hex.Require(artifactSha256, "artifactSha256");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = new ModelTransaction(await ModelQueries.FindAsync(db, id, cancellationToken));
        var now = clock.GetUtcNow();
        var old = taken.Stored.Version.ArtifactSha256;
        taken.Apply(new ReleaseStep(ReleaseStep.ChangeContent, actor.Name, [.. actor.Roles], now, $"artifact {old[..12]}… → {hash[..12]}…", ContentHash: hash),
            ModelGate.AsTaken);
        if (hash != old) (taken.Stored.Version.ArtifactSha256, taken.Stored.Version.EvaluationJson) = (hash, null);
        await taken.CommitAsync(db, releaseTrail, now, client, cancellationToken);
        return await queries.FindAsync(id, cancellationToken);
    }
}
