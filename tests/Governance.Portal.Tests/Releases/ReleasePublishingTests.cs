using System.Net;
using System.Text.Json;
using Governance.Contracts.Releases;
using Governance.Core.Releases;
using Governance.Data;
using Governance.Tests.Shared.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests.Releases;

public sealed class ReleasePublishingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ReleaseHarness _releases = new(portal);

    private async Task<T> OutboxMessageAsync<T>(string releaseId)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(T).FullName).ToListAsync();
        return Assert.Single(rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload)!), m => JsonSerializer.Serialize(m).Contains(releaseId));
    }

    [Fact]
    public async Task Publishing_stores_DatasetReleased_in_the_outbox_and_its_token_downloads_exactly_the_released_bytes()
    {
        var id = await _releases.ReachAsync("Published");
        var release = await _releases.GetAsync(id);

        var message = await OutboxMessageAsync<DatasetReleased>(id);
        using var worker = portal.Anonymous();
        var download = await worker.GetAsync($"{message.DownloadPath}?token={Uri.EscapeDataString(message.DownloadToken)}");

        Assert.Equal(release.GetProperty("contentHash").GetString(), message.ContentHash);
        Assert.Equal(release.GetProperty("versionId").GetString(), message.VersionId.ToString());
        Assert.Equal("manager", message.PublishedBy);
        Assert.True(message.TokenExpiresUtc > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(await ReleasedContent.MatchesAsync(await download.Content.ReadAsStreamAsync(), message.ContentHash));
    }

    [Fact]
    public async Task A_token_opens_no_other_version_and_a_forged_one_opens_nothing()
    {
        var first = await OutboxMessageAsync<DatasetReleased>(await _releases.ReachAsync("Published"));
        var second = await OutboxMessageAsync<DatasetReleased>(await _releases.ReachAsync("Published"));
        using var worker = portal.Anonymous();

        var crossed = await worker.GetAsync($"{second.DownloadPath}?token={Uri.EscapeDataString(first.DownloadToken)}");
        var forged = await worker.GetAsync($"{first.DownloadPath}?token=not-a-token");
        var none = await worker.GetAsync(first.DownloadPath);

        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
        Assert.Contains("another dataset version", await crossed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
    }

    [Fact]
    public async Task Revoking_announces_it_and_closes_the_download()
    {
        var id = await _releases.ReachAsync("Published");
        var released = await OutboxMessageAsync<DatasetReleased>(id);

        await ReleaseHarness.MustAsync(_releases.ActAsync("compliance", id, "revoke", "Consent withdrawn for part of the source."));
        var revoked = await OutboxMessageAsync<DatasetReleaseRevoked>(id);
        using var worker = portal.Anonymous();
        var download = await worker.GetAsync($"{released.DownloadPath}?token={Uri.EscapeDataString(released.DownloadToken)}");

        Assert.Equal(released.ContentHash, revoked.ContentHash);
        Assert.Equal("compliance", revoked.RevokedBy);
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.Contains("Revoked", await download.Content.ReadAsStringAsync());
    }
}

/// <summary>A portal whose download tokens live one second.</summary>
public sealed class ShortTokenPortal : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings() => [.. base.Settings(), ("Releases:DownloadTokenSeconds", "1")];
}

public sealed class ReleaseTokenExpiryTests(ShortTokenPortal portal) : IClassFixture<ShortTokenPortal>
{
    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var id = await new ReleaseHarness(portal).ReachAsync("Published");
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageType == typeof(DatasetReleased).FullName);
        var message = JsonSerializer.Deserialize<DatasetReleased>(row.Payload)!;
        Assert.Equal(id, message.ReleaseId.ToString());

        await Task.Delay(TimeSpan.FromSeconds(2));
        using var worker = portal.Anonymous();
        var expired = await worker.GetAsync($"{message.DownloadPath}?token={Uri.EscapeDataString(message.DownloadToken)}");

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }
}
