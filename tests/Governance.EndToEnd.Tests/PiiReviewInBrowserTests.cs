using System.Text;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class PiiReviewInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    private const string Requests = """
        {"prompt":"Please email me at maria.lopez@example.org about order 5521","completion":"Sure, we will reply today."}
        {"prompt":"Our office is at 221B Baker Street, as the film shows.","completion":"Visit https://example.com/help for hours."}
        {"prompt":"Where is my parcel?","completion":"On its way."}
        """;

    private static async Task RunPiiAuditAsync(IPage page)
    {
        await page.ClickAsync(".mud-tab:has-text('Personal data')");
        await page.ClickAsync("#pii-run");
        await page.WaitForSelectorAsync("#pii-totals");
    }

    [Fact]
    public async Task A_compliance_officer_reviews_findings_redacts_and_the_new_version_has_no_blocking_finding_left()
    {
        var engineer = await portal.SignedInAsync("engineer");
        var import = await engineer.APIRequest.PostAsync("/api/datasets?name=requests&source=helpdesk&licence=internal&purpose=support&fileName=requests.jsonl",
            new() { DataByte = Encoding.UTF8.GetBytes(Requests), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" } });
        Assert.Equal(201, import.Status);
        await engineer.Context.CloseAsync();

        var page = await portal.SignedInAsync("compliance");
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets/requests");
        await RunPiiAuditAsync(page);
        await page.ClickAsync("#pii-review-link");
        await page.WaitForSelectorAsync("#review-counts");
        await page.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
        Assert.StartsWith("2 blocking finding(s) not dismissed", (await page.TextContentAsync("#review-blocking"))!.Trim());

        await page.ClickAsync("tr.pii-finding[data-type='EMAIL_ADDRESS'] .pii-confirm");
        await page.WaitForSelectorAsync("#review-message:has-text('Confirmed: record 1, prompt')");
        // The address of a fictional detective is no one's personal data.
        await page.ClickAsync("tr.pii-finding[data-type='STREET_ADDRESS'] .pii-dismiss");
        await page.WaitForSelectorAsync("#review-message:has-text('Dismissed: record 2, prompt')");
        Assert.StartsWith("1 blocking finding(s) not dismissed", (await page.TextContentAsync("#review-blocking"))!.Trim());
        Assert.Equal(1, await page.Locator("mark.pii-dismissed").CountAsync());
        Assert.Contains("Confirmed by compliance", await page.TextContentAsync("tr.pii-finding[data-type='EMAIL_ADDRESS']"));
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "pii-review.png"), FullPage = true });

        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets/requests");
        await page.ClickAsync("#redact-panel .mud-expand-panel-header");
        await page.ClickAsync("#redact-start");
        await page.WaitForSelectorAsync("#dataset-action-result:has-text('records changed')");
        Assert.Contains("redact", await page.TextContentAsync("#version-facts"));
        await RunPiiAuditAsync(page);
        Assert.StartsWith("0 finding(s)", (await page.TextContentAsync("#pii-totals"))!.Trim());

        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets/requests/versions/1/pii-review");
        var residual = await page.WaitForSelectorAsync("#review-residual");
        Assert.Contains("in v2: 0 finding(s), 0 blocking not dismissed", await residual!.TextContentAsync());
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets/requests/versions/2/pii-review");
        Assert.StartsWith("0 blocking finding(s) not dismissed", (await page.TextContentAsync("#review-blocking"))!.Trim());
        await page.Context.CloseAsync();
    }
}
