using Governance.Core.Releases;

namespace Governance.Core.Notifications;

/// <summary>
/// One step a person took on a release of any kind (dataset or model), as the notification rule needs it: the
/// action, whether it moved the release, where the release is now, who acted, who submitted it, whose approvals count
/// and which roles may decide what happens next.
/// </summary>
/// <param name="Action">The lifecycle action, e.g. "submit", "approve", "publish".</param>
/// <param name="StateChanged">False when the step left the release where it was (an approval that is not yet enough).</param>
/// <param name="State">Where the release is after the step (and any system steps it triggered).</param>
/// <param name="Actor">The user who acted; never notified of their own step.</param>
/// <param name="Submitter">Who submitted the release last; null before anyone did.</param>
/// <param name="Approvers">The approvers whose approvals count.</param>
/// <param name="NextRoles">The roles that may decide the release's next move from <paramref name="State"/>.</param>
public sealed record ReleaseMove(
    string Action, bool StateChanged, string State, string Actor, string? Submitter, IReadOnlyCollection<string> Approvers,
    IReadOnlyCollection<string> NextRoles)
{
    /// <summary>
    /// The move of <paramref name="action"/> from <paramref name="before"/> to <paramref name="after"/> on a release
    /// governed by <paramref name="lifecycle"/>; the roles deciding next are read from the lifecycle's rules.
    /// </summary>
    public static ReleaseMove Of<TState>(
        Lifecycle<TState> lifecycle, string action, TState before, TState after, string actor, string? submitter, IEnumerable<string> approvers)
        where TState : struct, Enum =>
        new(action, !before.Equals(after), after.ToString(), actor, submitter, [.. approvers.Distinct()], DecidingRoles(lifecycle, after));

    /// <summary>
    /// The human roles of the moves out of <paramref name="state"/> that decide a release's fate. Submitting is the
    /// submitter's own next step and revoking is possible from many states, so neither makes anyone "next".
    /// </summary>
    public static IReadOnlyList<string> DecidingRoles<TState>(Lifecycle<TState> lifecycle, TState state) where TState : struct, Enum =>
        [.. lifecycle.Rules.Where(r => r.From.Contains(state) && r.Action is not ("submit" or "revoke"))
            .SelectMany(r => r.Roles).Where(role => role != Releases.Actor.SystemRole).Distinct()];
}
