namespace Governance.Core.Releases;

/// <summary>
/// One stored step of a dataset release: a lifecycle action as it was taken (actor, the roles they held then, time,
/// comment and the action's data), a change of content, or a plain comment. Replaying the steps in order through
/// <see cref="DatasetRelease"/> rebuilds the release, so the rules live in one place and the store keeps only facts.
/// </summary>
public sealed record ReleaseStep(
    string Action, string Actor, IReadOnlyList<string> Roles, DateTimeOffset AtUtc, string? Comment = null, string? Audit = null,
    bool? PiiClean = null, bool? BiasPassing = null, string? ContentHash = null)
{
    /// <summary>The release was pointed at other content (<see cref="ContentHash"/>); not a lifecycle action.</summary>
    public const string ChangeContent = "change-content";

    /// <summary>A comment on its own; changes nothing.</summary>
    public const string CommentOnly = "comment";

    /// <summary>The actor as the lifecycle sees them.</summary>
    public Actor AsActor() => new(Actor, Roles.ToHashSet());

    /// <summary>Applies this step to <paramref name="release"/>; a step the rules refuse throws, as it did when first taken.</summary>
    public void ApplyTo(DatasetRelease release)
    {
        switch (Action)
        {
            case ChangeContent: release.ChangeContent(ContentHash!); break;
            case CommentOnly: break;
            default: release.Act(Action, AsActor(), AtUtc, Comment, PiiClean, BiasPassing, Audit); break;
        }
    }

    /// <summary>The release as its steps left it; the first step is the <see cref="ChangeContent"/> that names the content released.</summary>
    public static DatasetRelease Replay(int requiredApprovals, IReadOnlyList<ReleaseStep> steps)
    {
        if (steps is not [{ Action: ChangeContent, ContentHash: { } first }, ..])
            throw new ArgumentException("A release's history starts with the content it releases.", nameof(steps));
        var release = new DatasetRelease(first, requiredApprovals);
        foreach (var step in steps) step.ApplyTo(release);
        return release;
    }
}
