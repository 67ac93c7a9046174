using System.Text;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class ReleaseInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
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

    [Fact]
    public async Task A_manager_submits_two_compliance_officers_approve_and_the_manager_publishes()
    {
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
            await officer.ClickAsync("#inbox-table .release-link:has-text('answers')");
            await officer.WaitForSelectorAsync("#release-timeline");
            await officer.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
            await officer.ClickAsync("#release-action-approve");
            await Assertions.Expect(officer.Locator("#release-message")).ToContainTextAsync("Done: approve");
        }

        await PortalInBrowser.OpenInteractiveAsync(manager, releasePath);
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Approved");
        await manager.ClickAsync("#release-action-publish");
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Published");
        await Assertions.Expect(manager.Locator("#release-timeline")).ToContainTextAsync("publish by manager");
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await manager.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "release.png"), FullPage = true });

        var release = await (await manager.APIRequest.GetAsync("/api" + releasePath)).JsonAsync();
        Assert.Equal(["compliance", "compliance2"], release!.Value.GetProperty("approvals").EnumerateArray()
            .Where(a => a.GetProperty("counts").GetBoolean()).Select(a => a.GetProperty("approver").GetString()));
    }
}
