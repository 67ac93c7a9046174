using System.Text;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class DatasetsInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    private static async Task ImportAsync(IPage page, string name, string source, string fileName, string content)
    {
        await page.FillAsync("#import-name", name);
        await page.FillAsync("#import-source", source);
        await page.FillAsync("#import-licence", "CC-BY-4.0");
        await page.FillAsync("#import-purpose", "support fine-tuning");
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.WaitForSelectorAsync("#import-preview");
        await page.Locator("#import-start:not([disabled])").ClickAsync();
        await page.WaitForSelectorAsync("#import-result");
    }

    /// <summary>
    /// Clicks the row holding <paramref name="text"/> until the record's detail opens (bounded): the grid fills after
    /// the first render and may render again as its data arrives, which can swallow a click.
    /// </summary>
    private static async Task<IElementHandle> OpenRecordAsync(IPage page, string text)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.Locator("#records-table tbody tr", new() { HasText = text }).First.ClickAsync();
            try { return (await page.WaitForSelectorAsync("#record-detail pre", new() { Timeout = 4000 }))!; }
            catch (TimeoutException) { }
        }
        throw new TimeoutException($"The detail of the record with '{text}' did not open after five clicks.");
    }

    [Fact]
    public async Task An_ML_engineer_imports_a_file_in_the_browser_and_sees_the_new_dataset()
    {
        var page = await portal.SignedInAsync("engineer");
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets");
        await ImportAsync(page, "faq", "helpdesk", "faq.jsonl",
            "{\"prompt\":\"How do I reset?\",\"completion\":\"Use the link.\"}\n{\"prompt\":\"Refund?\",\"completion\":\"Within 30 days.\"}\n");

        Assert.Contains("Accepted: 2 PromptCompletion record(s)", await page.TextContentAsync("#import-result"));
        Assert.Contains("Detected: PromptCompletion records, Jsonl format (from the first 2 record(s))", await page.TextContentAsync("#import-preview"));
        var row = page.Locator("#datasets-table tr", new() { HasText = "faq" });
        await row.WaitForAsync();
        Assert.Contains("PromptCompletion", await row.TextContentAsync());
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "datasets.png") });

        await page.Locator("#datasets-table a", new() { HasText = "faq" }).ClickAsync();
        await page.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#record-search", "Refund");
        // The table reloads after a debounce: wait for its final state, a single matching row.
        await page.WaitForFunctionAsync(
            "() => { const rows = document.querySelectorAll('#records-table tbody tr'); " +
            "return rows.length === 1 && rows[0].textContent.includes('Within 30 days'); }");
        await page.Locator("#records-table tbody tr").First.ClickAsync();
        await page.WaitForSelectorAsync("#record-detail");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dataset-records.png") });

        await page.FillAsync("#record-search input, input#record-search", "");
        await page.ClickAsync("#split-panel .mud-expand-panel-header");
        await page.ClickAsync("#split-start");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('#records-table tbody tr')].some(r => /Train|Validation|Test/.test(r.textContent))");
        Assert.Contains("split", await page.TextContentAsync("#version-facts"));

        await page.ClickAsync("#preprocess-panel .mud-expand-panel-header");
        await page.ClickAsync("#prep-start");
        var result = await page.WaitForSelectorAsync("#dataset-action-result:has-text('kept')");
        Assert.Contains("kept 2 of 2 records", await result!.TextContentAsync());
        Assert.Contains("preprocess", await page.TextContentAsync("#version-facts"));

        // Metadata edit on the newest version: a new version that differs in one record.
        await OpenRecordAsync(page, "reset");
        await page.FillAsync("#record-metadata", "{\"topic\": \"account\"}");
        await page.ClickAsync("#record-metadata-save");
        await page.WaitForSelectorAsync("#dataset-action-result:has-text('metadata of record 1 saved')");
        Assert.Contains("edit-metadata", await page.TextContentAsync("#version-facts"));

        await page.ClickAsync(".mud-tab:has-text('Statistics')");
        var languages = await page.WaitForSelectorAsync("#statistics-languages");
        Assert.Contains("en 1", await languages!.TextContentAsync());
        Assert.Equal("0", (await page.TextContentAsync("#statistics-exact"))!.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dataset-statistics.png"), FullPage = true });

        await page.ClickAsync(".mud-tab:has-text('Personal data')");
        await page.ClickAsync("#pii-run");
        var totals = await page.WaitForSelectorAsync("#pii-totals");
        Assert.StartsWith("0 finding(s) in 0 of 2 records", (await totals!.TextContentAsync())!.Trim());

        await page.ClickAsync(".mud-tab:has-text('Compare versions')");
        await page.ClickAsync("#compare-start");
        var counts = await page.WaitForSelectorAsync("#compare-counts");
        Assert.Contains("0 added, 0 removed, 1 changed, 1 unchanged", await counts!.TextContentAsync());
        await page.WaitForSelectorAsync("#compare-table td:has-text('account')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dataset-compare.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ML_engineer_audits_personal_data_and_makes_an_anonymized_version()
    {
        var page = await portal.SignedInAsync("engineer");
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets");
        await ImportAsync(page, "contacts", "crm export", "contacts.jsonl",
            "{\"prompt\":\"Call me on +44 20 7946 0958\",\"completion\":\"We will, Mr. Okonkwo.\"}\n{\"prompt\":\"Where is my parcel?\",\"completion\":\"On its way.\"}\n");
        await page.Locator("#datasets-table a", new() { HasText = "contacts" }).ClickAsync();
        await page.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });

        await page.ClickAsync(".mud-tab:has-text('Personal data')");
        await page.ClickAsync("#pii-run");
        var totals = await page.WaitForSelectorAsync("#pii-totals");
        Assert.StartsWith("2 finding(s) in 1 of 2 records", (await totals!.TextContentAsync())!.Trim());
        var excerpts = await page.TextContentAsync("#pii-excerpts");
        Assert.Contains("+** ** **** ****", excerpts);
        Assert.DoesNotContain("7946", excerpts);
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dataset-personal-data.png"), FullPage = true });

        await page.ClickAsync("#redact-panel .mud-expand-panel-header");
        await page.ClickAsync("#redact-start");
        var result = await page.WaitForSelectorAsync("#dataset-action-result:has-text('records changed')");
        Assert.Contains("1 of 2 records changed", await result!.TextContentAsync());
        Assert.Contains("redact", await page.TextContentAsync("#version-facts"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_and_every_bad_line_is_listed()
    {
        var page = await portal.SignedInAsync("manager");
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets");
        await ImportAsync(page, "broken", "somewhere", "broken.jsonl", "{\"text\":\"fine\"}\n{\"text\":\n{\"prompt\":\"p\"}\n");

        Assert.StartsWith("Rejected: 2 bad line(s)", (await page.TextContentAsync("#import-result"))!.Trim());
        var lines = await page.Locator("#import-errors tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["2", "3"], lines);
        Assert.Equal(0, await page.Locator("#datasets-table tr", new() { HasText = "broken" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Markup_in_dataset_text_is_shown_as_text_and_no_script_runs()
    {
        var page = await portal.SignedInAsync("engineer");
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets");
        const string hostile = "<img src=x onerror=\"alert(1)\"><script>alert(2)</script>";
        await ImportAsync(page, "hostile", hostile, "hostile.jsonl", "{\"text\":\"<script>alert(3)</script>\"}\n");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
        var row = page.Locator("#datasets-table tr", new() { HasText = "hostile" });
        await row.WaitForAsync();
        Assert.Contains(hostile, await row.TextContentAsync());
        Assert.Equal(0, await page.Locator("#datasets-table img").CountAsync());

        await PortalInBrowser.OpenInteractiveAsync(page, "/datasets/hostile");
        var detail = await OpenRecordAsync(page, "alert(3)");
        Assert.Contains("<script>alert(3)</script>", await detail!.TextContentAsync());
        Assert.Equal(0, await page.Locator("#record-detail script").CountAsync());
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }
}
