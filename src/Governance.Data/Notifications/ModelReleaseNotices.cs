using Governance.Core.Notifications;
using Governance.Core.Releases;
using Governance.Data.Models;

namespace Governance.Data.Notifications;

/// <summary>The notices of the person's step in one model release transaction, by the same rule as dataset releases.</summary>
internal static class ModelReleaseNotices
{
    public static Task AddAsync(GovernanceDbContext db, ModelTransaction taken, CancellationToken cancellationToken)
    {
        var step = taken.Rows.LastOrDefault(r => r.Actor != Actor.System.Name && r.Action is not (ReleaseStep.ChangeContent or ReleaseStep.CommentOnly));
        if (step is null) return Task.CompletedTask;
        var release = taken.Stored.Release;
        var move = ReleaseMove.Of(ModelRelease.Lifecycle, step.Action, step.StateBefore, taken.Rows[^1].StateAfter, step.Actor,
            release.SubmittedBy, release.ValidApprovals.Select(a => a.Approver));
        var version = taken.Stored.Version;
        return ReleaseNotifications.AddAsync(db, move, $"the model release {version.Name} v{version.Number}",
            $"/models/{version.Id}", step.AtUtc, cancellationToken);
    }
}
