using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>
/// Taking model release actions. Every step goes through the Core rules (<see cref="ModelRelease"/>) on the release
/// replayed from its stored steps, with the gate the model's card and lineage give now; a refused step stores nothing.
/// </summary>
public sealed class ModelReleases(IDbContextFactory<GovernanceDbContext> databases, ModelQueries queries, ReleaseTrail trail, TimeProvider clock)
{
    /// <summary>Takes <paramref name="action"/> on release <paramref name="releaseId"/> as <paramref name="actor"/>.</summary>
    public async Task<StoredModel> ActAsync(Guid releaseId, string action, Actor actor, string? comment, string? client, CancellationToken cancellationToken = default)
    {
        if (action is "record-evaluation" or ReleaseStep.ChangeContent or ReleaseStep.CommentOnly)
            throw new ValidationError("action", $"'{action}' has its own address: record results with POST /api/models/{{id}}/evaluation, " +
                                                "new weights with PUT /api/models/{id}/artifact, a comment with POST /api/model-releases/{id}/comments.");
        return await TakeAsync(releaseId, new ReleaseStep(action, actor.Name, [.. actor.Roles], clock.GetUtcNow(), comment), client, cancellationToken);
    }

    /// <summary>A comment on its own, kept in the timeline and the audit trail.</summary>
    public Task<StoredModel> CommentAsync(Guid releaseId, Actor actor, string comment, string? client, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(comment) ? throw new ValidationError("comment", "Write the comment.")
            : TakeAsync(releaseId, new ReleaseStep(ReleaseStep.CommentOnly, actor.Name, [.. actor.Roles], clock.GetUtcNow(), comment.Trim()), client, cancellationToken);

    private async Task<StoredModel> TakeAsync(Guid releaseId, ReleaseStep step, string? client, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = new ModelTransaction(await ModelQueries.FindByReleaseAsync(db, releaseId, cancellationToken));
        taken.Apply(step, taken.Stored.Gate);
        await taken.CommitAsync(db, trail, step.AtUtc, client, cancellationToken);
        return await queries.FindAsync(taken.Stored.Version.Id, cancellationToken);
    }
}
