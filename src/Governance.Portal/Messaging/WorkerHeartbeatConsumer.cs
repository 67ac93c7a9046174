using Governance.Contracts.Workers;
using Governance.Core.Workers;
using Governance.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Messaging;

/// <summary>Keeps the worker directory current from heartbeats; an older beat never overwrites a newer one.</summary>
internal sealed class WorkerHeartbeatConsumer(IDbContextFactory<GovernanceDbContext> databases) : IConsumer<WorkerHeartbeat>
{
    public async Task Consume(ConsumeContext<WorkerHeartbeat> context)
    {
        var beat = context.Message;
        await using var db = await databases.CreateDbContextAsync(context.CancellationToken);
        var worker = await db.Workers.FindAsync([beat.WorkerName], context.CancellationToken);
        if (worker is null)
        {
            worker = new WorkerRegistration
            {
                Name = beat.WorkerName, DeviceKind = beat.DeviceKind, DeviceName = beat.DeviceName,
                Version = beat.Version, FirstSeenUtc = beat.SentUtc,
            };
            db.Workers.Add(worker);
        }
        else if (worker.LastHeartbeatUtc >= beat.SentUtc)
        {
            return;
        }
        worker.DeviceKind = beat.DeviceKind;
        worker.DeviceName = beat.DeviceName;
        worker.DeviceMemoryBytes = beat.DeviceMemoryBytes;
        worker.FreeMemoryBytes = beat.FreeMemoryBytes;
        worker.Version = beat.Version;
        worker.LastHeartbeatUtc = beat.SentUtc;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
