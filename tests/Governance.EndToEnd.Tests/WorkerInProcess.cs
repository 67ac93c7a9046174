using Governance.Tests.Shared;
using Governance.Worker;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// A training worker built by the worker program's own host (<see cref="WorkerHost"/>: its consumers, its queues, its
/// release download), run inside the test process against a broker and a portal address, with its own data folder.
/// </summary>
public sealed class WorkerInProcess : IAsyncDisposable
{
    private readonly IHost _host;

    public string Name { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    public string DataDirectory { get; } = RepositoryPaths.NewTemporaryFolder("e2e-worker");

    private WorkerInProcess(Uri broker, string portal) => _host = WorkerHost.Create(
    [
        $"--Messaging:RabbitMq:Uri={broker}", $"--Worker:Name={Name}", $"--Portal:Url={portal}", $"--Storage:DataDirectory={DataDirectory}",
        "--Workers:HeartbeatSeconds=2", "--Logging:LogLevel:Default=Warning",
    ]).Build();

    /// <summary>Starts the worker and waits until its bus is connected, or fails naming the broker.</summary>
    public static async Task<WorkerInProcess> StartAsync(Uri broker, string portal, TimeSpan within)
    {
        var worker = new WorkerInProcess(broker, portal);
        await worker._host.StartAsync();
        var bus = worker._host.Services.GetRequiredService<IBusControl>();
        var deadline = DateTime.UtcNow + within;
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The worker's bus did not connect to {broker} within {within.TotalSeconds:0} s: {bus.CheckHealth().Description}");
            await Task.Delay(100);
        }
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(stopping.Token);
        _host.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* left for the temp cleaner */ }
    }
}
