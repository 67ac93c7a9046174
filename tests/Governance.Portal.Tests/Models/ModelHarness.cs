using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Models;

/// <summary>
/// Drives model versions through the API as the demo users would: registered by the engineer on a published dataset
/// release, its card written, and its release walked to any state along the shortest path.
/// </summary>
public sealed class ModelHarness(PortalFactory portal)
{
    private readonly Lazy<Task<string>> _published = new(() => new ReleaseHarness(portal).ReachAsync("Published"));
    private int _models;

    public ReleaseHarness Datasets { get; } = new(portal);

    public Task<HttpClient> As(string user) => Datasets.As(user);

    /// <summary>A published dataset release shared by the models of this harness.</summary>
    public Task<string> PublishedAsync() => _published.Value;

    public static string Hash(char c) => new(c, 64);

    public static object Registration(string name, string[] releases, bool evaluated = true) => new
    {
        name, baseModel = "tiny-gpt", baseModelSha256 = Hash('b'), method = "Lora", hyperParameters = new { rank = 8, learningRate = 0.0002 },
        trainedOn = releases.Select(r => new { releaseId = r }), artifactSha256 = Hash('a'),
        evaluation = evaluated ? new { basePerplexity = 12.5, tunedPerplexity = 7.25, metrics = new Dictionary<string, double> { ["accuracy"] = 0.91 } } : null,
    };

    public static readonly object CompleteCard = new
    {
        intendedUse = "Answer support questions in English.", outOfScopeUse = "Medical or legal advice.", limitations = "Weak on billing questions.",
        biasAndFairness = "Tickets skew to EU customers; refusal rates checked per region.", license = "Apache-2.0",
    };

    public async Task<HttpResponseMessage> TryRegisterAsync(object registration, string user = "engineer") =>
        await (await As(user)).PostAsJsonAsync("/api/models", registration);

    /// <summary>A new model version on <paramref name="releases"/> (the shared published one when none), evaluated or not, with a complete card or not.</summary>
    public async Task<JsonElement> RegisterAsync(string[]? releases = null, bool evaluated = true, bool card = true)
    {
        var name = $"model-{Interlocked.Increment(ref _models)}-{Guid.NewGuid():N}"[..20];
        var response = await TryRegisterAsync(Registration(name, releases ?? [await PublishedAsync()], evaluated));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var model = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!card) return model;
        var written = await (await As("engineer")).PutAsJsonAsync($"/api/models/{model.GetProperty("id").GetString()}/card", CompleteCard);
        await ReleaseHarness.MustAsync(Task.FromResult(written));
        return await written.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> ActAsync(string user, string releaseId, string action, string? comment = "Checked the evidence.") =>
        await (await As(user)).PostAsJsonAsync($"/api/model-releases/{releaseId}/{action}", new { comment });

    /// <summary>Records an evaluation: the "record-evaluation" transition, which has its own address because it carries the results.</summary>
    public async Task<HttpResponseMessage> RecordEvaluationAsync(string user, string modelId) =>
        await (await As(user)).PostAsJsonAsync($"/api/models/{modelId}/evaluation", new { basePerplexity = 11.0, tunedPerplexity = 6.5 });

    public async Task<JsonElement> GetAsync(string releaseId, string user = "compliance") =>
        await (await As(user)).GetFromJsonAsync<JsonElement>($"/api/model-releases/{releaseId}");

    public static string ReleaseId(JsonElement model) => model.GetProperty("release").GetProperty("id").GetString()!;

    public static string State(JsonElement model) => model.GetProperty("release").GetProperty("state").GetString()!;

    /// <summary>A fresh model whose release, submitted by <paramref name="submitter"/>, rests in <paramref name="state"/>; returns the model.</summary>
    public async Task<JsonElement> ReachAsync(string state, string submitter = "engineer", string[]? releases = null)
    {
        var model = await RegisterAsync(releases, evaluated: state != "Trained");
        var id = ReleaseId(model);
        foreach (var (user, action) in PathTo(state, submitter)) await ReleaseHarness.MustAsync(ActAsync(user, id, action));
        var reached = await GetAsync(id);
        Assert.Equal(state, State(reached));
        return reached;
    }

    private static IEnumerable<(string User, string Action)> PathTo(string state, string submitter)
    {
        if (state is "Trained" or "Evaluated") yield break;
        yield return (submitter, "submit");
        if (state == "Rejected") yield return ("reviewer", "reject");
        if (state is "InReview" or "Rejected") yield break;
        yield return ("compliance", "approve");
        yield return ("reviewer", "approve");
        if (state == "Approved") yield break;
        yield return ("manager", "deploy");
        if (state == "Retired") yield return ("manager", "retire");
        if (state == "Revoked") yield return ("compliance", "revoke");
    }
}
