using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Portal.Workers;
using Governance.Tests.Shared;

namespace Governance.Worker.Tests;

public sealed class BrokerOutageTests
{
    [Fact]
    public async Task With_the_broker_down_the_portal_keeps_serving_and_the_outbox_delivers_once_it_is_back()
    {
        await using var broker = await RabbitMqNode.StartAsync();
        using var portal = new BrokerPortalFactory(broker.Uri);
        using var worker = BrokerPortalFactory.StartWorker(broker.Uri, "outage-" + Guid.NewGuid().ToString("N")[..8]);
        using var engineer = await portal.SignedInAsync("engineer");
        await worker.WaitForOutputAsync("Bus started", TimeSpan.FromSeconds(60));

        await broker.StopAsync();

        var brokerHealth = await Eventually.WaitAsync(async () => BrokerStatus(await engineer.GetStringAsync("/health")),
            status => status == "Degraded", TimeSpan.FromSeconds(30));
        Assert.Equal("Degraded", brokerHealth);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync("/workers")).StatusCode);
        var accepted = await engineer.PostAsJsonAsync("/api/device-checks", new { matrixSize = 128 });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("Queued", (await engineer.GetFromJsonAsync<DeviceCheckView>(location))!.Status);

        await broker.RestartAsync();

        var answered = await Eventually.WaitAsync(() => engineer.GetFromJsonAsync<DeviceCheckView>(location)!,
            c => c!.Status == "Completed", TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", answered!.Status);
        var recovered = await Eventually.WaitAsync(async () => BrokerStatus(await engineer.GetStringAsync("/health")),
            status => status == "Healthy", TimeSpan.FromSeconds(60));
        Assert.Equal("Healthy", recovered);
    }

    private static string? BrokerStatus(string health) =>
        JsonDocument.Parse(health).RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString();
}
