using Governance.Core.Workers;
using Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Workers;

/// <summary>A worker as shown on the Workers page and returned by the API.</summary>
public sealed record WorkerView(
    string Name, string DeviceKind, string DeviceName, long DeviceMemoryBytes, long FreeMemoryBytes, string Version,
    DateTimeOffset FirstSeenUtc, DateTimeOffset LastHeartbeatUtc, WorkerState State);

/// <summary>The workers that have ever reported, live ones first.</summary>
public sealed class WorkerDirectory(IDbContextFactory<GovernanceDbContext> databases, WorkerLiveness liveness, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkerView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var workers = await db.Workers.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return workers
            .Select(w => new WorkerView(w.Name, w.DeviceKind, w.DeviceName, w.DeviceMemoryBytes, w.FreeMemoryBytes,
                w.Version, w.FirstSeenUtc, w.LastHeartbeatUtc, liveness.StateAt(w.LastHeartbeatUtc, now)))
            .OrderBy(w => w.State).ThenByDescending(w => w.LastHeartbeatUtc)
            .ToList();
    }
}
