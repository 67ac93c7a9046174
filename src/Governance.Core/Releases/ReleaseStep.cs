namespace Governance.Core.Releases;

/// <summary>
/// One stored step of a dataset or model release: a lifecycle action as it was taken (actor, the roles they held then,
/// time, comment and the action's data), a change of content (for a model, of its weights), or a plain comment.
/// Replaying the steps in order through <see cref="DatasetRelease"/> or <see cref="ModelRelease"/> rebuilds the release,
/// so the rules live in one place and the store keeps only facts.
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

    /// <summary>Applies this step to <paramref name="release"/>; its gates were checked when it was first taken.</summary>
    public void ApplyTo(ModelRelease release)
    {
        switch (Action)
        {
            case ChangeContent: release.ChangeWeights(ContentHash!); break;
            case CommentOnly: break;
            default: release.Act(Action, AsActor(), AtUtc, ModelGate.AsTaken, Comment); break;
        }
    }

    /// <summary>The release as its steps left it; the first step is the <see cref="ChangeContent"/> that names the content released.</summary>
    public static DatasetRelease Replay(int requiredApprovals, IReadOnlyList<ReleaseStep> steps) =>
        Replay(steps, hash => new DatasetRelease(hash, requiredApprovals), (step, release) => step.ApplyTo(release));

    /// <summary>The model release as its steps left it; the first step is the <see cref="ChangeContent"/> that names the weights released.</summary>
    public static ModelRelease ReplayModel(int requiredApprovals, IReadOnlyList<ReleaseStep> steps) =>
        Replay(steps, hash => new ModelRelease(hash, requiredApprovals), (step, release) => step.ApplyTo(release));

    private static TRelease Replay<TRelease>(IReadOnlyList<ReleaseStep> steps, Func<string, TRelease> create, Action<ReleaseStep, TRelease> apply)
    {
        if (steps is not [{ Action: ChangeContent, ContentHash: { } first }, ..])
            throw new ArgumentException("A release's history starts with the content it releases.", nameof(steps));
        var release = create(first);
        foreach (var step in steps) apply(step, release);
        return release;
    }
}
