using Governance.Contracts.Releases;
using Governance.Tests.Shared.Portal;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests.Releases;

public sealed class ReleaseReceiptTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ReleaseHarness _releases = new(portal);

    private async Task<List<string>> TimelineCommentsAsync(string id) =>
        [.. (await _releases.GetAsync(id)).GetProperty("timeline").EnumerateArray()
            .Select(s => s.GetProperty("comment").GetString() ?? "").Where(c => c.StartsWith("Received and verified"))];

    private async Task<List<string>> ReceiptsAfterAsync(string id, params DatasetReleaseReceived[] receipts)
    {
        var bus = portal.Services.GetRequiredService<IBus>();
        foreach (var receipt in receipts) await bus.Publish(receipt);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var recorded = await TimelineCommentsAsync(id);
        while (recorded.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            recorded = await TimelineCommentsAsync(id);
        }
        await Task.Delay(500); // a repeat would land now
        return await TimelineCommentsAsync(id);
    }

    [Fact]
    public async Task A_workers_receipt_is_recorded_once_on_the_timeline_with_worker_hash_time_and_stored_path()
    {
        var id = await _releases.ReachAsync("Published");
        var release = await _releases.GetAsync(id);
        var hash = release.GetProperty("contentHash").GetString()!;
        var at = new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero);
        var receipt = new DatasetReleaseReceived(Guid.Parse(id), release.GetProperty("versionId").GetGuid(), 1, "gpu-7", hash,
            $"releases/{Guid.Parse(id):N}/x-v1-{hash[..12]}.jsonl", at);

        var recorded = await ReceiptsAfterAsync(id, receipt, receipt);

        var evidence = Assert.Single(recorded);
        Assert.Equal($"Received and verified by worker gpu-7 at 2026-11-29 10:30:00Z: version 1, SHA-256 {hash} matches the release; " +
                     $"stored as releases/{Guid.Parse(id):N}/x-v1-{hash[..12]}.jsonl.", evidence);
        var step = (await _releases.GetAsync(id)).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("gpu-7", step.GetProperty("actor").GetString());
        Assert.Equal("Published", step.GetProperty("stateAfter").GetString());
    }

    [Fact]
    public async Task A_receipt_naming_another_hash_is_not_recorded()
    {
        var id = await _releases.ReachAsync("Published");
        var release = await _releases.GetAsync(id);
        var (versionId, hash) = (release.GetProperty("versionId").GetGuid(), release.GetProperty("contentHash").GetString()!);

        // The wrong receipt goes first; the right one after it shows when both have been handled.
        var recorded = await ReceiptsAfterAsync(id,
            new DatasetReleaseReceived(Guid.Parse(id), versionId, 1, "gpu-7", new string('e', 64), "releases/x.jsonl", DateTimeOffset.UtcNow),
            new DatasetReleaseReceived(Guid.Parse(id), versionId, 1, "gpu-8", hash, "releases/y.jsonl", DateTimeOffset.UtcNow));

        Assert.Contains("worker gpu-8", Assert.Single(recorded));
    }
}
