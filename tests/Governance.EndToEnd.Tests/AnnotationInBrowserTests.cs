using System.Text;
using System.Text.Json;
using Governance.Tests.Shared;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class AnnotationInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    private const string Project = "moods";

    /// <summary>The Manager's setup, through the same API a script would use with the browser's session.</summary>
    private static async Task CreateProjectAsync(IPage manager)
    {
        var request = manager.Context.APIRequest;
        var import = await request.PostAsync("/api/datasets?name=moods-data&source=tickets&licence=internal&purpose=e2e&fileName=m.jsonl", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" },
            DataByte = Encoding.UTF8.GetBytes("{\"text\":\"Thanks, it arrived early!\"}\n{\"text\":\"It works, I suppose.\"}\n{\"text\":\"Still no refund.\"}\n"),
        });
        Assert.Equal(201, import.Status);
        var created = await request.PostAsync("/api/annotation/projects", new()
        {
            DataObject = new
            {
                dataset = "moods-data", name = Project, guidelines = "Label the **customer's** mood.", overlap = 2,
                questions = new[] { new { key = "mood", kind = "SingleLabel", title = "Mood?", labels = new[] { "positive", "neutral", "negative" } } },
            },
        });
        Assert.True(created.Status == 201, await created.TextAsync());
    }

    private static string Screenshot(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);

    /// <summary>Labels every task with the digits given, by keyboard only: the digit, then Ctrl+Enter.</summary>
    private async Task LabelByKeyboardAsync(string user, params char[] digits)
    {
        var page = await portal.SignedInAsync(user);
        await PortalInBrowser.OpenInteractiveAsync(page, $"/annotation/{Project}/label");
        await page.WaitForSelectorAsync("#task-position");
        await page.WaitForSelectorAsync("#keyboard-ready", new() { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("?");
        await page.WaitForSelectorAsync("#help-overlay");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync("#help-overlay", new() { State = WaitForSelectorState.Detached });
        for (var i = 0; i < digits.Length; i++)
        {
            await Assertions.Expect(page.Locator("#task-position")).ToContainTextAsync($"record {i + 1}");
            await page.Keyboard.PressAsync(digits[i].ToString());
            await Assertions.Expect(page.Locator($"#q-mood-{digits[i]}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled"));
            if (user == "annotator" && i == 1)
            {
                await Assertions.Expect(page.Locator("#draft-status")).ToContainTextAsync("Draft saved");
                await page.ScreenshotAsync(new() { Path = Screenshot("annotation-labelling.png") });
            }
            await page.Keyboard.PressAsync("Control+Enter");
            await Assertions.Expect(page.Locator("#label-message")).ToContainTextAsync($"Record {i + 1} submitted.");
        }
        await page.WaitForSelectorAsync("#queue-empty");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("#task-position")).ToContainTextAsync($"record {digits.Length}");
        await Assertions.Expect(page.Locator("#task-state")).ToContainTextAsync("Submitted");
        await PortalInBrowser.OpenInteractiveAsync(page, "/annotation");
        await Assertions.Expect(page.Locator($"#progress-{Project}")).ToContainTextAsync($"{digits.Length} submitted");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_annotators_label_by_keyboard_a_reviewer_settles_the_disagreement_and_the_manager_sees_the_CLI_s_agreement()
    {
        var manager = await portal.SignedInAsync("manager");
        await CreateProjectAsync(manager);

        await LabelByKeyboardAsync("annotator", '1', '2', '3');
        await LabelByKeyboardAsync("annotator2", '1', '3', '3');

        var reviewer = await portal.SignedInAsync("reviewer");
        await PortalInBrowser.OpenInteractiveAsync(reviewer, $"/annotation/{Project}/review");
        await Assertions.Expect(reviewer.Locator("#review-queue .mud-list-item").First).ToContainTextAsync("Record 2");
        await Assertions.Expect(reviewer.Locator("#review-record")).ToContainTextAsync("Record 2 · the annotators disagree");
        await reviewer.ScreenshotAsync(new() { Path = Screenshot("annotation-review.png"), FullPage = true });
        await reviewer.ClickAsync("#q-mood-2");
        await reviewer.ClickAsync("#adjudicate");
        await Assertions.Expect(reviewer.Locator("#review-message")).ToContainTextAsync("Record 2 adjudicated.");

        await PortalInBrowser.OpenInteractiveAsync(manager, $"/annotation/{Project}");
        var shown = (await manager.Locator("#agreement-mood-krippendorff").TextContentAsync())!.Trim();
        await manager.ScreenshotAsync(new() { Path = Screenshot("annotation-agreement.png"), FullPage = true });
        await manager.GetByRole(AriaRole.Tab, new() { Name = "Annotators" }).ClickAsync();
        await manager.WaitForSelectorAsync("#annotator-table");
        await Assertions.Expect(manager.Locator(".mud-tab-active")).ToContainTextAsync("Annotators");
        await manager.WaitForTimeoutAsync(400); // the tab's underline slides over
        await manager.ScreenshotAsync(new() { Path = Screenshot("annotation-annotators.png"), FullPage = true });
        var csv = await (await manager.Context.APIRequest.GetAsync($"/api/annotation/projects/{Project}/ratings.csv?dimension=mood")).TextAsync();
        var file = Path.Combine(RepositoryPaths.NewTemporaryFolder("e2e-agreement"), "mood.csv");
        await File.WriteAllTextAsync(file, csv);
        using var cli = new ProgramRun("Governance.Cli", ["agreement", "--input", file, "--metric", "krippendorff"], assembly: "governance");
        Assert.Equal(0, await cli.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var computed = JsonDocument.Parse(cli.Output.Trim()).RootElement;

        Assert.Equal((3, 2), (computed.GetProperty("items").GetInt32(), computed.GetProperty("annotators").GetInt32()));
        Assert.Equal(computed.GetProperty("value").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), shown);
    }
}
