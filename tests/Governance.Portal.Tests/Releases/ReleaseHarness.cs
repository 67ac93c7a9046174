using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Releases;

/// <summary>
/// Drives releases through the API as the demo users would: a fresh dataset per release, submitted by the engineer, and
/// walked to any resting state along the shortest path (no audits run, so a compliance officer waives both).
/// </summary>
public sealed class ReleaseHarness(PortalFactory portal)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private int _datasets;

    public Task<HttpClient> As(string user) => _clients.GetOrAdd(user, u => new(() => portal.SignedInAsync(u))).Value;

    /// <summary>A new dataset of two clean records, imported by the engineer; returns its name.</summary>
    public async Task<string> UploadAsync(string content = "{\"text\":\"The sky is blue\"}\n{\"text\":\"Water is wet\"}\n")
    {
        var name = $"release-{Interlocked.Increment(ref _datasets)}-{Guid.NewGuid():N}"[..24];
        await (await As("engineer")).ImportDatasetAsync(name, content);
        return name;
    }

    public async Task<JsonElement> SubmitAsync(string dataset, string submitter = "engineer", int version = 1)
    {
        var response = await (await As(submitter)).PostAsJsonAsync("/api/releases", new { dataset, version });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> ActAsync(string user, string id, string action, string? comment = "Checked the evidence.", string? audit = null) =>
        await (await As(user)).PostAsJsonAsync($"/api/releases/{id}/{action}", new { comment, audit });

    public async Task<JsonElement> GetAsync(string id, string user = "compliance") =>
        await (await As(user)).GetFromJsonAsync<JsonElement>($"/api/releases/{id}");

    /// <summary>A fresh release, submitted by <paramref name="submitter"/>, resting in <paramref name="state"/>; returns its id.</summary>
    public async Task<string> ReachAsync(string state, string submitter = "engineer")
    {
        var id = (await SubmitAsync(await UploadAsync(), submitter)).GetProperty("id").GetString()!;
        foreach (var (user, action, audit) in PathTo(state)) await MustAsync(ActAsync(user, id, action, audit: audit));
        Assert.Equal(state, (await GetAsync(id)).GetProperty("state").GetString());
        return id;
    }

    private static IEnumerable<(string User, string Action, string? Audit)> PathTo(string state)
    {
        if (state == "AuditsFailed") yield break;
        yield return ("compliance", "waive", "pii");
        yield return ("compliance", "waive", "bias");
        if (state == "ChangesRequested") yield return ("reviewer", "request-changes", null);
        if (state == "Rejected") yield return ("reviewer", "reject", null);
        if (state is "InReview" or "ChangesRequested" or "Rejected") yield break;
        yield return ("compliance", "approve", null);
        yield return ("reviewer", "approve", null);
        if (state == "Approved") yield break;
        yield return ("manager", "publish", null);
        if (state == "Deprecated") yield return ("manager", "deprecate", null);
        if (state == "Revoked") yield return ("compliance", "revoke", null);
    }

    public static async Task MustAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
