using System.Net.Http.Json;
using Governance.Portal.Notifications;
using Governance.Portal.Tests.Models;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Notifications;

public sealed class ModelReleaseNotificationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ModelHarness _models = new(portal);

    private async Task<List<string>> TitlesAsync(string user, string modelId) =>
        [.. (await (await _models.As(user)).GetFromJsonAsync<List<NotificationView>>("/api/notifications"))!
            .Where(n => n.Link == $"/models/{modelId}").OrderBy(n => n.Id).Select(n => n.Title)];

    [Fact]
    public async Task Model_release_steps_notify_by_the_same_rule_as_dataset_releases()
    {
        var model = await _models.ReachAsync("InReview");
        var (modelId, releaseId) = (model.GetProperty("id").GetString()!, ModelHarness.ReleaseId(model));
        await ReleaseHarness.MustAsync(_models.ActAsync("compliance", releaseId, "approve"));

        // Submitting concerns every approver; an approval that is not yet enough concerns only the submitter.
        Assert.StartsWith("engineer submitted the model release", Assert.Single(await TitlesAsync("compliance2", modelId)));
        Assert.StartsWith("engineer submitted the model release", Assert.Single(await TitlesAsync("compliance", modelId)));
        Assert.StartsWith("compliance approved the model release", Assert.Single(await TitlesAsync("engineer", modelId)));
        Assert.Empty(await TitlesAsync("annotator", modelId));
    }
}
