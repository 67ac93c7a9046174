using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class ReleaseInBrowserTests(BrokerPortalInBrowser portal) : IClassFixture<BrokerPortalInBrowser>
{
    private static readonly TimeSpan ReceiptWithin = TimeSpan.FromSeconds(60);

    private const string Answers = """
        {"prompt":"How do I reset my password?","completion":"Open Settings, then Security, then Reset."}
        {"prompt":"Where is my parcel?","completion":"On its way."}
        """;

    private static async Task AuditAsync(IPage page, string audit, object body)
    {
        var started = await page.APIRequest.PostAsync($"/api/datasets/answers/versions/1/{audit}", new() { DataObject = body });
        Assert.Equal(202, started.Status);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var state = (await (await page.APIRequest.GetAsync($"/api/datasets/answers/versions/1/{audit}")).JsonAsync())?.GetProperty("state").GetString();
            if (state == "Succeeded") return;
            await Task.Delay(200);
        }
        Assert.Fail($"The {audit} did not finish.");
    }

    private static ILocator UnreadBadge(IPage page) => page.Locator("#notification-count .mud-badge");

    /// <summary>Reloads the release page until its timeline shows the worker's receipt; fails after <see cref="ReceiptWithin"/>, saying what was seen.</summary>
    private async Task WaitForReceiptAsync(IPage page, string releasePath, string worker)
    {
        var clock = Stopwatch.StartNew();
        var timeline = page.Locator("#release-timeline");
        while (clock.Elapsed < ReceiptWithin)
        {
            await PortalInBrowser.OpenInteractiveAsync(page, releasePath);
            if ((await timeline.TextContentAsync() ?? "").Contains($"Received and verified by worker {worker}")) return;
            await Task.Delay(1000);
        }
        Assert.Fail($"No receipt by worker {worker} on the timeline within {ReceiptWithin.TotalSeconds:0} s; the timeline reads: " +
                    $"{await timeline.TextContentAsync()}\nPortal output (end): {portal.ServerLog[^Math.Min(3000, portal.ServerLog.Length)..]}");
    }

    [Fact]
    public async Task A_manager_submits_two_compliance_officers_approve_the_manager_publishes_a_worker_receives_and_verifies_it_and_deletes_it_once_revoked()
    {
        await using var worker = await WorkerInProcess.StartAsync(portal.Broker, portal.BaseUrl, TimeSpan.FromSeconds(30));
        var manager = await portal.SignedInAsync("manager");
        var import = await manager.APIRequest.PostAsync("/api/datasets?name=answers&source=helpdesk&licence=internal&purpose=support&fileName=a.jsonl",
            new() { DataByte = Encoding.UTF8.GetBytes(Answers), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" } });
        Assert.Equal(201, import.Status);
        var compliance = await portal.SignedInAsync("compliance");
        await AuditAsync(compliance, "pii-audit", new { threshold = 0.5 });
        await AuditAsync(compliance, "bias-audit", new { });

        await PortalInBrowser.OpenInteractiveAsync(manager, "/releases");
        await manager.FillAsync("#submit-dataset", "answers");
        await manager.ClickAsync("#submit-release");
        await manager.WaitForSelectorAsync("#release-timeline");
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("InReview");
        await Assertions.Expect(manager.Locator("#release-action-reject")).ToBeVisibleAsync();
        Assert.Equal(0, await manager.Locator("#release-action-approve").CountAsync());
        var releasePath = new Uri(manager.Url).AbsolutePath;

        foreach (var officer in new[] { compliance, await portal.SignedInAsync("compliance2") })
        {
            await PortalInBrowser.OpenInteractiveAsync(officer, "/releases/inbox");
            await Assertions.Expect(UnreadBadge(officer)).ToHaveTextAsync("1"); // the submission
            await officer.ClickAsync("#inbox-table .release-link:has-text('answers')");
            await officer.WaitForSelectorAsync("#release-timeline");
            await officer.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
            await officer.ClickAsync("#release-action-approve");
            await Assertions.Expect(officer.Locator("#release-message")).ToContainTextAsync("Done: approve");
        }

        await PortalInBrowser.OpenInteractiveAsync(manager, releasePath);
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Approved");
        await Assertions.Expect(UnreadBadge(manager)).ToHaveTextAsync("2"); // compliance's approval, compliance2's that approved it
        await manager.ClickAsync("#release-action-publish");
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Published");
        await Assertions.Expect(manager.Locator("#release-timeline")).ToContainTextAsync("publish by manager");

        var release = (await (await manager.APIRequest.GetAsync("/api" + releasePath)).JsonAsync())!.Value;
        var hash = release.GetProperty("contentHash").GetString()!;
        await WaitForReceiptAsync(manager, releasePath, worker.Name);
        await Assertions.Expect(manager.Locator("#release-timeline")).ToContainTextAsync($"SHA-256 {hash} matches the release");
        var stored = Path.Combine(worker.DataDirectory, "releases", release.GetProperty("id").GetGuid().ToString("N"));
        Assert.Single(Directory.GetFiles(stored, "answers-v1-*.jsonl"));
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await manager.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "release.png"), FullPage = true });

        Assert.Equal(["compliance", "compliance2"], release.GetProperty("approvals").EnumerateArray()
            .Where(a => a.GetProperty("counts").GetBoolean()).Select(a => a.GetProperty("approver").GetString()));

        await manager.ClickAsync("#notification-bell");
        await Assertions.Expect(manager.Locator("#notifications-list")).ToContainTextAsync("compliance2 approved the dataset release answers v1; it is Approved.");
        await manager.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
        await manager.ClickAsync("#notifications-read-all");
        await Assertions.Expect(UnreadBadge(manager)).ToHaveCountAsync(0);

        await PortalInBrowser.OpenInteractiveAsync(manager, releasePath);
        await manager.FillAsync("#release-comment", "Consent for these records was withdrawn.");
        await manager.ClickAsync("#release-action-revoke");
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Revoked");
        await WaitForDeletionAsync(stored);
    }

    /// <summary>Waits until the worker, told of the revocation over the broker, has deleted the release's folder.</summary>
    private static async Task WaitForDeletionAsync(string folder)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.Exists(folder))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"The worker still keeps {folder} 30 s after the release was revoked.");
            await Task.Delay(250);
        }
    }
}
