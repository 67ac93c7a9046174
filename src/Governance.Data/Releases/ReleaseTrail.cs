using System.Text.Json;
using Governance.Data.Audit;

namespace Governance.Data.Releases;

/// <summary>
/// Appends every release step to the audit trail: actor, client, entity <c>dataset-release:{id}</c>, action
/// <c>release-{action}</c>, the state before and what the step left. A comment appears as its SHA-256 only: the text
/// stays with the release, and the trail proves it was not edited afterwards.
/// </summary>
public sealed class ReleaseTrail(AuditTrail trail)
{
    internal async Task AppendAsync(ReleaseTransaction taken, string? client, CancellationToken cancellationToken)
    {
        for (var i = 0; i < taken.Rows.Count; i++)
        {
            var step = taken.Rows[i];
            var before = JsonSerializer.Serialize(new { state = step.StateBefore.ToString() });
            await trail.AppendAsync(step.Actor, client, $"dataset-release:{step.ReleaseId}", $"release-{step.Action}", before, taken.After[i], cancellationToken);
        }
    }
}
