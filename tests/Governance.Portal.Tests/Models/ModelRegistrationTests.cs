using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Models;

public sealed class ModelRegistrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ModelHarness _models = new(portal);

    [Fact]
    public async Task A_registered_version_carries_its_full_lineage_and_fills_the_card_from_it_and_from_its_results()
    {
        var published = await _models.Datasets.GetAsync(await _models.PublishedAsync());

        var model = await _models.RegisterAsync(card: false);

        var lineage = Assert.Single(model.GetProperty("trainedOn").EnumerateArray());
        Assert.Equal(published.GetProperty("id").GetString(), lineage.GetProperty("releaseId").GetString());
        Assert.Equal(published.GetProperty("contentHash").GetString(), lineage.GetProperty("contentHash").GetString());
        Assert.Equal(published.GetProperty("dataset").GetString(), lineage.GetProperty("dataset").GetString());
        Assert.Equal((1, "Lora", "engineer"), (model.GetProperty("number").GetInt32(), model.GetProperty("method").GetString(), model.GetProperty("registeredBy").GetString()));
        Assert.Equal(8, model.GetProperty("hyperParameters").GetProperty("rank").GetInt32());
        Assert.Equal(7.25, model.GetProperty("evaluation").GetProperty("tunedPerplexity").GetDouble());
        Assert.Equal("Evaluated", ModelHarness.State(model));
        var card = model.GetProperty("card");
        Assert.Contains(published.GetProperty("contentHash").GetString()!, card.GetProperty("trainingData").GetString());
        Assert.StartsWith("Perplexity 12.5 (base) → 7.25 (tuned)", card.GetProperty("evaluation").GetString());
        Assert.Equal(["intended use", "out-of-scope use", "limitations", "bias and fairness considerations", "license"],
            card.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Versions_of_one_name_count_up()
    {
        var release = await _models.PublishedAsync();
        var first = await (await _models.TryRegisterAsync(ModelHarness.Registration("support-bot", [release]))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await _models.TryRegisterAsync(ModelHarness.Registration("support-bot", [release]))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([1, 2], new[] { first, second }.Select(m => m.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Lineage_to_a_release_that_is_not_Published_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var inReview = await _models.Datasets.ReachAsync("InReview");
        var published = await _models.PublishedAsync();

        var notPublished = await _models.TryRegisterAsync(ModelHarness.Registration("not-published", [published, inReview]));
        var unknown = await _models.TryRegisterAsync(ModelHarness.Registration("unknown-release", [Guid.NewGuid().ToString()]));
        var otherBytes = await _models.TryRegisterAsync(new
        {
            name = "other-bytes", baseModel = "tiny-gpt", baseModelSha256 = ModelHarness.Hash('b'), method = "Dpo", hyperParameters = new { beta = 0.1 },
            trainedOn = new[] { new { releaseId = published, contentHash = ModelHarness.Hash('f') } }, artifactSha256 = ModelHarness.Hash('a'),
        });

        Assert.Equal(HttpStatusCode.BadRequest, notPublished.StatusCode);
        var body = await notPublished.Content.ReadAsStringAsync();
        Assert.Contains("trainedOn[1].releaseId", body);
        Assert.Contains("is InReview, not Published", body);
        Assert.Contains("trainedOn[0].releaseId", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("trainedOn[0].contentHash", await otherBytes.Content.ReadAsStringAsync());
        var names = (await (await _models.As("compliance")).GetFromJsonAsync<JsonElement[]>("/api/models"))!.Select(m => m.GetProperty("name").GetString());
        Assert.DoesNotContain("not-published", names);
        Assert.DoesNotContain("other-bytes", names);
    }

    [Fact]
    public async Task A_malformed_registration_is_refused_naming_the_field()
    {
        var response = await _models.TryRegisterAsync(new
        {
            name = "bad-hash", baseModel = "tiny-gpt", baseModelSha256 = "abc", method = "Lora", hyperParameters = new { rank = 8 },
            trainedOn = new[] { new { releaseId = await _models.PublishedAsync() } }, artifactSha256 = ModelHarness.Hash('a'),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("baseModelSha256", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_ML_engineers_register_models_and_write_model_cards()
    {
        var model = await _models.RegisterAsync(card: false);
        var registration = ModelHarness.Registration("by-someone-else", [await _models.PublishedAsync()]);
        foreach (var user in new[] { "admin", "annotator", "reviewer", "compliance", "manager" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await _models.TryRegisterAsync(registration, user)).StatusCode);
            var card = await (await _models.As(user)).PutAsJsonAsync($"/api/models/{model.GetProperty("id").GetString()}/card", ModelHarness.CompleteCard);
            Assert.Equal(HttpStatusCode.Forbidden, card.StatusCode);
        }
        foreach (var user in new[] { "admin", "annotator" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await _models.As(user)).GetAsync("/api/models")).StatusCode);
        var after = await _models.GetAsync(ModelHarness.ReleaseId(model));
        Assert.Equal(5, after.GetProperty("card").GetProperty("missing").GetArrayLength());
    }
}
