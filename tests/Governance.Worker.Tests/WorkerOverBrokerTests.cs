using System.Net;
using System.Net.Http.Json;
using Governance.Core.Workers;
using Governance.Portal.Workers;
using Governance.Tests.Shared;

namespace Governance.Worker.Tests;

public sealed class WorkerOverBrokerTests : IDisposable
{
    private readonly Uri _broker = RabbitMqNode.Shared();
    private readonly BrokerPortalFactory _portal;

    public WorkerOverBrokerTests() => _portal = new BrokerPortalFactory(_broker);

    [Fact]
    public async Task A_device_check_published_by_the_portal_is_answered_by_a_worker_process_over_RabbitMQ()
    {
        var name = "itest-" + Guid.NewGuid().ToString("N")[..8];
        using var worker = BrokerPortalFactory.StartWorker(_broker, name);
        using var engineer = await _portal.SignedInAsync("engineer");
        await worker.WaitForOutputAsync("Bus started", TimeSpan.FromSeconds(60));

        var response = await engineer.PostAsJsonAsync("/api/device-checks", new { matrixSize = 256 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var check = await Eventually.WaitAsync(
            () => engineer.GetFromJsonAsync<DeviceCheckView>(response.Headers.Location!.ToString())!,
            c => c!.Status == "Completed", TimeSpan.FromSeconds(60));

        Assert.Equal("Completed", check!.Status);
        Assert.Equal(name, check.WorkerName);
        Assert.True(check.GigaflopsPerSecond > 0);
    }

    [Fact]
    public async Task A_worker_is_listed_live_with_its_device_while_it_beats_and_lost_once_it_stops()
    {
        var name = "itest-" + Guid.NewGuid().ToString("N")[..8];
        using var engineer = await _portal.SignedInAsync("engineer");
        using var worker = BrokerPortalFactory.StartWorker(_broker, name); // also ended when an assertion fails first

        // The API writes enums by name.
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        async Task<WorkerView?> Find() => (await engineer.GetFromJsonAsync<List<WorkerView>>("/api/workers", json))!.SingleOrDefault(w => w.Name == name);
        var live = await Eventually.WaitAsync(Find, w => w?.State == WorkerState.Live, TimeSpan.FromSeconds(60));
        Assert.Equal(WorkerState.Live, live!.State);
        Assert.Equal("CPU", live.DeviceKind);
        Assert.True(live.DeviceMemoryBytes > 0 && live.FreeMemoryBytes > 0);

        worker.Dispose();
        var lost = await Eventually.WaitAsync(Find, w => w?.State == WorkerState.Lost, TimeSpan.FromSeconds(30));
        Assert.Equal(WorkerState.Lost, lost!.State);
    }

    public void Dispose() => _portal.Dispose();
}
