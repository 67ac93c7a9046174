using Governance.Core.Releases;

namespace Governance.Data.Releases;

/// <summary>
/// One step of a release as it was taken (<see cref="ReleaseStep"/>), with the states before and after for the
/// timeline. Append-only: approvals, waivers and comments are steps, so none can be edited in place.
/// </summary>
public sealed class ReleaseStepRow
{
    public long Id { get; init; }

    public Guid ReleaseId { get; init; }

    public required string Action { get; init; }

    public required string Actor { get; init; }

    /// <summary>The actor's roles when they acted, comma-separated.</summary>
    public required string Roles { get; init; }

    public DateTimeOffset AtUtc { get; init; }

    public string? Comment { get; init; }

    /// <summary>The audit waived ("pii" or "bias").</summary>
    public string? Audit { get; init; }

    public bool? PiiClean { get; init; }

    public bool? BiasPassing { get; init; }

    /// <summary>The release's content hash after the step (the new one for a change of content).</summary>
    public required string ContentHash { get; init; }

    public DatasetReleaseState StateBefore { get; init; }

    public DatasetReleaseState StateAfter { get; init; }

    public ReleaseStep ToStep() => new(Action, Actor, Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), AtUtc, Comment, Audit, PiiClean,
        BiasPassing, ContentHash);

    public static ReleaseStepRow Of(Guid releaseId, ReleaseStep step, DatasetReleaseState before, DatasetRelease after) => new()
    {
        ReleaseId = releaseId, Action = step.Action, Actor = step.Actor, Roles = string.Join(',', step.Roles), AtUtc = step.AtUtc, Comment = step.Comment,
        Audit = step.Audit, PiiClean = step.PiiClean, BiasPassing = step.BiasPassing, ContentHash = after.ContentHash, StateBefore = before, StateAfter = after.State,
    };
}
