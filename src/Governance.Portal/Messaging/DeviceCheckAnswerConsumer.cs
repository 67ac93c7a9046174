using Governance.Contracts.Devices;
using Governance.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Messaging;

/// <summary>Records a worker's answer to a device check; answers to unknown or finished checks change nothing.</summary>
internal sealed class DeviceCheckAnswerConsumer(IDbContextFactory<GovernanceDbContext> databases, ILogger<DeviceCheckAnswerConsumer> log)
    : IConsumer<DeviceCheckCompleted>, IConsumer<DeviceCheckFailed>
{
    public Task Consume(ConsumeContext<DeviceCheckCompleted> context) => UpdateAsync(context.Message.CheckId,
        check => check.Complete(context.Message.WorkerName, context.Message.Device, context.Message.GigaflopsPerSecond,
            context.Message.CompletedUtc), context.CancellationToken);

    public Task Consume(ConsumeContext<DeviceCheckFailed> context) => UpdateAsync(context.Message.CheckId,
        check => check.Fail(context.Message.WorkerName, context.Message.Reason, context.Message.FailedUtc),
        context.CancellationToken);

    private async Task UpdateAsync(Guid checkId, Action<Core.Devices.DeviceCheck> record, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var check = await db.DeviceChecks.FindAsync([checkId], cancellationToken);
        if (check is null)
        {
            log.LogWarning("Answer for unknown device check {Check} ignored", checkId);
            return;
        }
        record(check);
        await db.SaveChangesAsync(cancellationToken);
    }
}
