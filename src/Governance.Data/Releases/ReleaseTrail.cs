using Governance.Data.Audit;

namespace Governance.Data.Releases;

/// <summary>
/// Appends every release step to the audit trail: actor, client, entity <c>dataset-release:{id}</c> or
/// <c>model-release:{id}</c>, action <c>release-{action}</c>, the state before and what the step left. A comment
/// appears as its SHA-256 only: the text stays with the release, and the trail proves it was not edited afterwards.
/// </summary>
public sealed class ReleaseTrail(AuditTrail trail)
{
    internal async Task AppendAsync(IReadOnlyList<TrailEntry> entries, string? client, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
            await trail.AppendAsync(entry.Actor, client, entry.Entity, entry.Action, entry.Before, entry.After, cancellationToken);
    }
}
