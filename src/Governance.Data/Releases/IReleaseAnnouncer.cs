namespace Governance.Data.Releases;

/// <summary>The facts of a release at a transition, for the message that announces it.</summary>
public sealed record ReleaseFacts(Guid ReleaseId, Guid VersionId, string Dataset, int VersionNumber, string ContentHash, string Actor, DateTimeOffset AtUtc);

/// <summary>
/// Turns a transition into the message to publish with it (through the outbox, in the same transaction), or null when
/// the transition announces nothing. The host supplies it: the message may carry a download token only it can issue.
/// </summary>
public interface IReleaseAnnouncer
{
    object? Announce(string action, ReleaseFacts release);
}
