using System.Net;
using System.Net.Http.Json;
using Governance.Portal.Workers;

using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class DeviceCheckTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task In_the_embedded_default_a_device_check_goes_through_the_outbox_to_the_in_process_worker_and_back()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        var response = await engineer.PostAsJsonAsync("/api/device-checks", new { matrixSize = 128 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();

        DeviceCheckView? check = null;
        for (var i = 0; i < 100 && check?.Status != "Completed"; i++)
        {
            await Task.Delay(100);
            check = await engineer.GetFromJsonAsync<DeviceCheckView>(location);
        }

        Assert.Equal("Completed", check!.Status);
        Assert.EndsWith("-embedded", check.WorkerName);
        Assert.StartsWith("CPU: ", check.Device);
        Assert.True(check.GigaflopsPerSecond > 0);
        Assert.Equal("engineer", check.RequestedBy);
    }

    [Fact]
    public async Task A_manager_may_look_but_not_queue_and_an_annotator_may_do_neither()
    {
        using var manager = await portal.SignedInAsync("manager");
        using var annotator = await portal.SignedInAsync("annotator");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/device-checks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/device-checks", new { matrixSize = 64 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync("/api/device-checks")).StatusCode);
    }

    [Fact]
    public async Task A_matrix_size_out_of_range_is_refused_naming_the_field()
    {
        using var admin = await portal.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/device-checks", new { matrixSize = 100_000 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("matrixSize", await response.Content.ReadAsStringAsync());
    }
}
