using Governance.Tests.Shared;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// The built portal, started as `dotnet run` starts it (embedded default, demo users), on a free loopback port
/// with its own data folder, and Debian's Chromium driven headless by Playwright.
/// </summary>
public class PortalInBrowser : IAsyncLifetime
{
    public const string DemoPassword = "Governance-Demo-2026!";

    private readonly string _data = RepositoryPaths.NewTemporaryFolder("e2e");
    private ProgramRun? _portal;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What the portal printed so far, for diagnosing a failed test.</summary>
    public string ServerLog => (_portal?.Output ?? "") + (_portal?.Error ?? "");

    /// <summary>Settings on top of the portal's own, as command-line arguments; subclasses add theirs.</summary>
    protected virtual IEnumerable<string> Arguments() =>
        [$"--Storage:DataDirectory={_data}", "--urls=http://127.0.0.1:0", "--Security:RevalidationSeconds=2", "--Workers:HeartbeatSeconds=2"];

    public async Task InitializeAsync()
    {
        _portal = new ProgramRun("Governance.Portal", Arguments());
        await _portal.WaitForOutputAsync("Governance portal ready at", TimeSpan.FromSeconds(90));
        BaseUrl = _portal.Output.Split('\n').First(l => l.StartsWith("Governance portal ready at", StringComparison.Ordinal))
            .Split(' ')[^1].Trim();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) at 1280x800.</summary>
    public async Task<IPage> NewVisitorAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page and waits for the navigation to appear.</summary>
    public async Task<IPage> SignedInAsync(string userName, string password = DemoPassword)
    {
        var page = await NewVisitorAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#main-navigation");
        return page;
    }

    /// <summary>Opens <paramref name="path"/> and waits until its circuit is live, so that clicks reach the server.</summary>
    public static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _portal?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* left for the temp cleaner */ }
    }
}
