using Governance.Contracts.Workers;
using Governance.Core.Workers;
using Governance.Training.Devices;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Hosting;

/// <summary>Announces the worker and its device on the bus every heartbeat interval.</summary>
internal sealed class HeartbeatService(
    IBus bus, WorkerIdentity identity, Lazy<TrainingDevice> probedDevice, WorkerLiveness liveness, ILogger<HeartbeatService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var device = await Task.Run(() => probedDevice.Value, stoppingToken);
        log.LogInformation("Training worker {Worker} {Version} uses {Device}", identity.Name, identity.Version, device);
        using var timer = new PeriodicTimer(liveness.HeartbeatInterval);
        do
        {
            await SendAsync(device, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task SendAsync(TrainingDevice device, CancellationToken stoppingToken)
    {
        // A beat that cannot reach the broker within one interval is dropped: the next one says the same, newer.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(liveness.HeartbeatInterval);
        try
        {
            await bus.Publish(new WorkerHeartbeat(identity.Name, device.Kind, device.Name, device.MemoryBytes,
                DeviceProbe.FreeMemoryBytes(device), identity.Version, DateTimeOffset.UtcNow), timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning("Heartbeat of {Worker} not delivered within {Interval}: is the broker reachable?",
                identity.Name, liveness.HeartbeatInterval);
        }
    }
}
