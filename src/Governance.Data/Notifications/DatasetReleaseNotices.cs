using Governance.Core.Notifications;
using Governance.Core.Releases;
using Governance.Data.Releases;

namespace Governance.Data.Notifications;

/// <summary>The notices of the person's step in one dataset release transaction (system steps it triggered count towards where it ends).</summary>
internal static class DatasetReleaseNotices
{
    public static Task AddAsync(GovernanceDbContext db, ReleaseTransaction taken, CancellationToken cancellationToken)
    {
        var step = taken.Rows.LastOrDefault(r => r.Actor != Actor.System.Name && r.Action is not (ReleaseStep.ChangeContent or ReleaseStep.CommentOnly));
        if (step is null) return Task.CompletedTask;
        var release = taken.Stored.Release;
        var move = ReleaseMove.Of(DatasetRelease.Lifecycle, step.Action, step.StateBefore, taken.Rows[^1].StateAfter, step.Actor,
            release.SubmittedBy, release.ValidApprovals.Select(a => a.Approver));
        return ReleaseNotifications.AddAsync(db, move, $"the dataset release {taken.Stored.Dataset} v{taken.VersionNumber}",
            $"/releases/{taken.Stored.Row.Id}", step.AtUtc, cancellationToken);
    }
}
