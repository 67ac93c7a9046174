using System.Net;
using System.Security.Cryptography;
using System.Text;
using Governance.Contracts.Releases;
using Governance.Training.Consumers;
using Governance.Training.Hosting;
using Governance.Training.Releases;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Training.Tests.Releases;

/// <summary>The worker's release consumers on MassTransit's in-memory test bus, downloading from a stand-in portal into a temporary data folder.</summary>
public sealed class ReleaseConsumerTests : IAsyncLifetime
{
    private static readonly byte[] Released = Encoding.UTF8.GetBytes("{\"text\":\"The sky is blue\"}\n");
    private static readonly string ReleasedHash = Convert.ToHexStringLower(SHA256.HashData(Released));
    private readonly TempFolder _data = new();
    private readonly PortalStub _portal = new(HttpStatusCode.OK, Released);
    private ServiceProvider _services = default!;
    private ITestHarness _bus = default!;

    private string Releases => _data.File("releases");
    private string RevocationsFile => _data.File("revoked-releases.txt");

    private static DatasetReleased Release() => new(Guid.NewGuid(), Guid.NewGuid(), "answers", 1, ReleasedHash, "/api/releases/content/v1", "token",
        DateTimeOffset.UtcNow.AddMinutes(5), "manager", DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton(new ReleaseDownloader(new HttpClient(_portal) { BaseAddress = new Uri("http://portal.test") }, Releases))
            .AddSingleton(new RevokedReleases(RevocationsFile))
            .AddSingleton(new WorkerIdentity("gpu-7", "1.0.0"))
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<DatasetReleasedConsumer>();
                bus.AddConsumer<DatasetReleaseRevokedConsumer>();
            })
            .BuildServiceProvider(validateScopes: true);
        _bus = _services.GetRequiredService<ITestHarness>();
        await _bus.Start();
    }

    private async Task<T> PublishedAsync<T>(Guid releaseId) where T : class
    {
        Assert.True(await _bus.Published.Any<T>(m => JsonOf(m.Context.Message).Contains(releaseId.ToString())), $"no {typeof(T).Name} for {releaseId}");
        return _bus.Published.Select<T>(m => JsonOf(m.Context.Message).Contains(releaseId.ToString())).First().Context.Message;
    }

    private static string JsonOf(object message) => System.Text.Json.JsonSerializer.Serialize(message);

    private async Task RevokeAsync(DatasetReleased release)
    {
        await _bus.Bus.Publish(new DatasetReleaseRevoked(release.ReleaseId, release.VersionId, release.ContentHash, "compliance", DateTimeOffset.UtcNow));
        Assert.True(await _bus.Consumed.Any<DatasetReleaseRevoked>(m => m.Context.Message.ReleaseId == release.ReleaseId));
    }

    [Fact]
    public async Task A_verified_release_is_announced_as_received_with_its_hash_and_its_path_in_the_data_folder()
    {
        var release = Release();

        await _bus.Bus.Publish(release);

        var receipt = await PublishedAsync<DatasetReleaseReceived>(release.ReleaseId);
        Assert.Equal(("gpu-7", ReleasedHash, 1, release.VersionId), (receipt.WorkerName, receipt.ContentHash, receipt.VersionNumber, receipt.VersionId));
        Assert.Equal(Released, await File.ReadAllBytesAsync(Path.Combine(_data.Path, receipt.StoredPath)));
        Assert.StartsWith($"releases/{release.ReleaseId:N}/", receipt.StoredPath);
    }

    [Fact]
    public async Task A_revocation_deletes_the_stored_data_and_stays_recorded_after_a_restart()
    {
        var release = Release();
        await _bus.Bus.Publish(release);
        var stored = Path.Combine(_data.Path, (await PublishedAsync<DatasetReleaseReceived>(release.ReleaseId)).StoredPath);

        await RevokeAsync(release);

        Assert.False(File.Exists(stored));
        Assert.True(_services.GetRequiredService<RevokedReleases>().IsRevoked(release.ReleaseId));
        Assert.True(new RevokedReleases(RevocationsFile).IsRevoked(release.ReleaseId));
        Assert.False(new RevokedReleases(RevocationsFile).IsRevoked(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_release_revoked_earlier_is_refused_without_downloading_and_nothing_is_stored()
    {
        var release = Release();
        await RevokeAsync(release);

        await _bus.Bus.Publish(release);

        var refusal = await PublishedAsync<DatasetReleaseRejected>(release.ReleaseId);
        Assert.Contains("revoked", refusal.Reason);
        Assert.Null(_portal.Requested);
        Assert.False(await _bus.Published.Any<DatasetReleaseReceived>(m => m.Context.Message.ReleaseId == release.ReleaseId));
        Assert.False(Directory.Exists(Releases) && Directory.EnumerateFiles(Releases, "*", SearchOption.AllDirectories).Any());
    }

    public async Task DisposeAsync()
    {
        await _bus.Stop();
        await _services.DisposeAsync();
        _data.Dispose();
    }
}
