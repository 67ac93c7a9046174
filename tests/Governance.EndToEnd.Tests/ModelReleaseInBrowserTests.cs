using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class ModelReleaseInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    private const string Answers = """
        {"prompt":"How do I reset my password?","completion":"Open Settings, then Security, then Reset."}
        {"prompt":"Where is my parcel?","completion":"On its way."}
        """;

    private static async Task<JsonElement> MustAsync(Task<IAPIResponse> call)
    {
        var response = await call;
        Assert.True(response.Ok, $"{response.Url}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>A published release of a fresh dataset, taken through the API (its own browser test covers those pages); returns its id.</summary>
    private static async Task<string> PublishedReleaseAsync(IPage manager, IPage compliance, IPage compliance2)
    {
        var import = await manager.APIRequest.PostAsync("/api/datasets?name=model-answers&source=helpdesk&licence=internal&purpose=support&fileName=a.jsonl",
            new() { DataByte = Encoding.UTF8.GetBytes(Answers), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" } });
        Assert.Equal(201, import.Status);
        var id = (await MustAsync(manager.APIRequest.PostAsync("/api/releases", new() { DataObject = new { dataset = "model-answers", version = 1 } })))
            .GetProperty("id").GetString();
        foreach (var audit in new[] { "pii", "bias" })
            await MustAsync(compliance.APIRequest.PostAsync($"/api/releases/{id}/waive", new() { DataObject = new { comment = "Two synthetic records.", audit } }));
        foreach (var officer in new[] { compliance, compliance2 })
            await MustAsync(officer.APIRequest.PostAsync($"/api/releases/{id}/approve", new() { DataObject = new { } }));
        await MustAsync(manager.APIRequest.PostAsync($"/api/releases/{id}/publish", new() { DataObject = new { } }));
        return id!;
    }

    [Fact]
    public async Task An_ML_engineer_writes_the_card_and_submits_two_compliance_officers_approve_and_a_manager_deploys()
    {
        var (manager, engineer) = (await portal.SignedInAsync("manager"), await portal.SignedInAsync("engineer"));
        var (compliance, compliance2) = (await portal.SignedInAsync("compliance"), await portal.SignedInAsync("compliance2"));
        var dataset = await PublishedReleaseAsync(manager, compliance, compliance2);
        await MustAsync(engineer.APIRequest.PostAsync("/api/models", new()
        {
            DataObject = new
            {
                name = "helpdesk-lora", baseModel = "tiny-gpt", baseModelSha256 = new string('b', 64), method = "Lora", hyperParameters = new { rank = 8 },
                trainedOn = new[] { new { releaseId = dataset } }, artifactSha256 = new string('a', 64),
                evaluation = new { basePerplexity = 12.5, tunedPerplexity = 7.25 },
            },
        }));

        await PortalInBrowser.OpenInteractiveAsync(engineer, "/models");
        await engineer.ClickAsync("#models-table .model-link:has-text('helpdesk-lora')");
        await engineer.WaitForSelectorAsync("#model-timeline");
        await engineer.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(engineer.Locator("#card-missing")).ToContainTextAsync("intended use");
        await engineer.FillAsync("#card-intended-use", "Answer helpdesk questions in English.");
        await engineer.FillAsync("#card-out-of-scope-use", "Medical or legal advice.");
        await engineer.FillAsync("#card-limitations", "Two records: a demonstration only.");
        await engineer.FillAsync("#card-bias-and-fairness", "Too little data to measure; do not deploy beyond the demo.");
        await engineer.FillAsync("#card-license", "Apache-2.0");
        await engineer.ClickAsync("#card-save");
        await Assertions.Expect(engineer.Locator("#card-complete")).ToBeVisibleAsync();
        await engineer.ClickAsync("#model-action-submit");
        await Assertions.Expect(engineer.Locator(".release-state")).ToHaveTextAsync("InReview");
        Assert.Equal(0, await engineer.Locator("#model-action-approve").CountAsync());
        var modelPath = new Uri(engineer.Url).AbsolutePath;

        foreach (var officer in new[] { compliance, compliance2 })
        {
            await PortalInBrowser.OpenInteractiveAsync(officer, "/releases/inbox");
            await officer.ClickAsync("#model-inbox-table .model-release-link:has-text('helpdesk-lora')");
            await officer.WaitForSelectorAsync("#model-timeline");
            await officer.WaitForSelectorAsync("#interactive-ready", new() { State = WaitForSelectorState.Attached });
            await officer.ClickAsync("#model-action-approve");
            await Assertions.Expect(officer.Locator("#model-message")).ToContainTextAsync("Done: approve");
        }

        await PortalInBrowser.OpenInteractiveAsync(manager, modelPath);
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Approved");
        await manager.ClickAsync("#model-action-deploy");
        await Assertions.Expect(manager.Locator(".release-state")).ToHaveTextAsync("Deployed");
        await Assertions.Expect(manager.Locator("#model-timeline")).ToContainTextAsync("deploy by manager");
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await manager.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "model-release.png"), FullPage = true });

        var model = await MustAsync(manager.APIRequest.GetAsync("/api" + modelPath));
        Assert.Equal(["compliance", "compliance2"], model.GetProperty("release").GetProperty("approvals").EnumerateArray()
            .Where(a => a.GetProperty("counts").GetBoolean()).Select(a => a.GetProperty("approver").GetString()));
    }
}
