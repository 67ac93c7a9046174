using System.Net;
using System.Net.Http.Json;
using Governance.Portal.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Tests.Shared.Portal;

/// <summary>The real portal in process, on its own SQLite file in a fresh folder, with the embedded demo users.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = RepositoryPaths.NewTemporaryFolder("portal-tests");

    /// <summary>Settings on top of the portal's appsettings.json; subclasses add their own.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("Storage:DataDirectory", DataDirectory),
        ("Security:RevalidationSeconds", "1"),
        ("Workers:HeartbeatSeconds", "1"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they point.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the same API a script would use.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/session", new { userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* left for the temp cleaner */ }
    }
}
