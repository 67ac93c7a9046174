using Governance.Contracts.Devices;
using Governance.Training.Devices;
using Governance.Training.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Consumers;

/// <summary>Times a matrix product on this worker's device and answers with the rate, or with why it failed.</summary>
public sealed class RunDeviceCheckConsumer(
    WorkerIdentity identity, TrainingDevice device, ILogger<RunDeviceCheckConsumer> log) : IConsumer<RunDeviceCheck>
{
    public const int MaxMatrixSize = 8192;

    public async Task Consume(ConsumeContext<RunDeviceCheck> context)
    {
        var check = context.Message;
        if (check.MatrixSize is < 16 or > MaxMatrixSize)
        {
            await context.Publish(new DeviceCheckFailed(check.CheckId, identity.Name,
                $"Matrix size {check.MatrixSize} is outside 16..{MaxMatrixSize}.", DateTimeOffset.UtcNow));
            return;
        }
        var rate = await Task.Run(() => MatmulProbe.GigaflopsPerSecond(device, check.MatrixSize), context.CancellationToken);
        log.LogInformation("Device check {Check}: {Rate:0.0} GFLOP/s on {Device}", check.CheckId, rate, device);
        await context.Publish(new DeviceCheckCompleted(check.CheckId, identity.Name, device.ToString(), rate, DateTimeOffset.UtcNow));
    }
}
