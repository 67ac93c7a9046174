using Governance.Core.Releases;

namespace Governance.Data.Models;

/// <summary>
/// One step of a model release as it was taken (<see cref="ReleaseStep"/>), with the states before and after for the
/// timeline. Append-only: approvals and comments are steps, so none can be edited in place.
/// </summary>
public sealed class ModelReleaseStepRow
{
    public long Id { get; init; }

    public Guid ReleaseId { get; init; }

    public required string Action { get; init; }

    public required string Actor { get; init; }

    /// <summary>The actor's roles when they acted, comma-separated.</summary>
    public required string Roles { get; init; }

    public DateTimeOffset AtUtc { get; init; }

    public string? Comment { get; init; }

    /// <summary>The release's weights hash after the step (the new one for a change of weights).</summary>
    public required string WeightsHash { get; init; }

    public ModelReleaseState StateBefore { get; init; }

    public ModelReleaseState StateAfter { get; init; }

    public ReleaseStep ToStep() => new(Action, Actor, Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), AtUtc, Comment, ContentHash: WeightsHash);

    public static ModelReleaseStepRow Of(Guid releaseId, ReleaseStep step, ModelReleaseState before, ModelRelease after) => new()
    {
        ReleaseId = releaseId, Action = step.Action, Actor = step.Actor, Roles = string.Join(',', step.Roles), AtUtc = step.AtUtc, Comment = step.Comment,
        WeightsHash = after.WeightsHash, StateBefore = before, StateAfter = after.State,
    };
}
