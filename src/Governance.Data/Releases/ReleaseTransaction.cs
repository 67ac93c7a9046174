using Governance.Core.Releases;

namespace Governance.Data.Releases;

/// <summary>The steps taken on one dataset release in one request, each through the Core rules (<see cref="StepTaking"/>).</summary>
internal sealed class ReleaseTransaction(StoredRelease stored)
{
    public StoredRelease Stored => stored;

    public int VersionNumber { get; set; } = stored.VersionNumber;

    public List<ReleaseStepRow> Rows { get; } = [];

    /// <summary>For each row, what the audit trail records.</summary>
    public List<TrailEntry> Trail { get; } = [];

    public void Apply(ReleaseStep step)
    {
        var before = stored.Release.State;
        StepTaking.Apply(step, () => step.ApplyTo(stored.Release));
        Rows.Add(ReleaseStepRow.Of(stored.Row.Id, step, before, stored.Release));
        Trail.Add(StepTaking.Entry($"dataset-release:{stored.Row.Id}", step, before.ToString(), stored.Release.State.ToString(),
            stored.Release.ContentHash, stored.Release.ValidApprovals.Count()));
    }
}
