using Governance.Core.Releases;
using Governance.Core.Validation;
using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Models;

/// <summary>
/// The steps taken on one model release in one request, each through the Core rules with the gate the model's card
/// and lineage give now (<see cref="StepTaking"/>), and the commit that stores them with any change to the version.
/// </summary>
internal sealed class ModelTransaction(StoredModel stored)
{
    public StoredModel Stored => stored;

    public List<ModelReleaseStepRow> Rows { get; } = [];

    /// <summary>What the audit trail records: each step, and any change to the version itself.</summary>
    public List<TrailEntry> Trail { get; } = [];

    /// <summary>Takes <paramref name="step"/>; <paramref name="gate"/> is what the card and lineage say (checked for new steps).</summary>
    public void Apply(ReleaseStep step, ModelGate gate)
    {
        var release = stored.Release;
        var before = release.State;
        StepTaking.Apply(step, () =>
        {
            if (step.Action == ReleaseStep.ChangeContent) release.ChangeWeights(step.ContentHash!);
            else if (step.Action != ReleaseStep.CommentOnly) release.Act(step.Action, step.AsActor(), step.AtUtc, gate, step.Comment);
        });
        Rows.Add(ModelReleaseStepRow.Of(stored.ReleaseRow.Id, step, before, release));
        Trail.Add(StepTaking.Entry($"model-release:{stored.ReleaseRow.Id}", step, before.ToString(), release.State.ToString(), release.WeightsHash,
            release.ValidApprovals.Count()));
    }

    /// <summary>Saves the steps and the release's new standing; a concurrent change is refused as a conflict.</summary>
    public async Task CommitAsync(GovernanceDbContext db, ReleaseTrail trail, DateTimeOffset now, string? client, CancellationToken cancellationToken)
    {
        var (row, release) = (stored.ReleaseRow, stored.Release);
        (row.State, row.WeightsHash, row.SubmittedBy, row.UpdatedUtc) = (release.State, release.WeightsHash, release.SubmittedBy, now);
        row.Revision++;
        db.ModelReleaseSteps.AddRange(Rows);
        await Notifications.ModelReleaseNotices.AddAsync(db, this, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RefusedError(Refusal.Conflict, "Someone else changed this model, its release or a dataset release it names, or registered the same model name, at the same moment; reload and try again.");
        }
        await trail.AppendAsync(Trail, client, cancellationToken);
    }
}
