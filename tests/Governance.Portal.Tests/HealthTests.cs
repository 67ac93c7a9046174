using System.Net;
using System.Text.Json;

using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_is_open_to_anonymous_callers_and_reports_database_broker_and_workers()
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("broker").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("workers", out _));
    }

    [Fact]
    public async Task The_embedded_worker_reports_in_and_the_workers_check_turns_healthy()
    {
        using var client = portal.Anonymous();
        string? status = null;
        for (var i = 0; i < 40 && status != "Healthy"; i++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/health"));
            status = json.RootElement.GetProperty("checks").GetProperty("workers").GetProperty("status").GetString();
            if (status != "Healthy") await Task.Delay(250);
        }
        Assert.Equal("Healthy", status);
    }
}
