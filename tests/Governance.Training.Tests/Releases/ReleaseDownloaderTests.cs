using System.Net;
using System.Security.Cryptography;
using System.Text;
using Governance.Contracts.Releases;
using Governance.Core.Configuration;
using Governance.Training.Releases;

namespace Governance.Training.Tests.Releases;

public sealed class ReleaseDownloaderTests : IDisposable
{
    private static readonly byte[] Released = Encoding.UTF8.GetBytes("{\"text\":\"The sky is blue\"}\n");
    private static readonly string ReleasedHash = Convert.ToHexStringLower(SHA256.HashData(Released));
    private readonly TempFolder _data = new();

    private string Folder => _data.File("releases");

    private static DatasetReleased Release(string hash = "") => new(Guid.NewGuid(), Guid.NewGuid(), "support/chats", 3,
        hash.Length == 0 ? ReleasedHash : hash, "/api/releases/content/v3", "a+b/c", DateTimeOffset.UtcNow.AddMinutes(5),
        "manager", DateTimeOffset.UtcNow);

    private ReleaseDownloader Downloader(PortalStub portal) =>
        new(new HttpClient(portal) { BaseAddress = new Uri("http://portal.test:8080") }, Folder);

    [Fact]
    public async Task Bytes_that_hash_to_the_released_hash_are_stored_in_the_releases_folder_under_the_dataset_version_and_hash_prefix()
    {
        var portal = new PortalStub(HttpStatusCode.OK, Released);
        var release = Release();

        var result = await Downloader(portal).DownloadAsync(release);

        Assert.Null(result.Refusal);
        Assert.Equal(Path.Combine(Folder, release.ReleaseId.ToString("N"), $"support_chats-v3-{ReleasedHash[..12]}.jsonl"), result.StoredPath);
        Assert.Equal(Released, await File.ReadAllBytesAsync(result.StoredPath!));
        Assert.Equal("http://portal.test:8080/api/releases/content/v3?token=a%2Bb%2Fc", portal.Requested!.ToString());
        Assert.Single(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories));
        Assert.Equal($"releases/{release.ReleaseId:N}/support_chats-v3-{ReleasedHash[..12]}.jsonl", Downloader(portal).RelativeToDataFolder(result.StoredPath!));
    }

    [Fact]
    public async Task Deleting_a_release_removes_its_stored_data_and_nothing_of_another_release()
    {
        var (kept, revoked) = (Release(), Release());
        var downloader = Downloader(new PortalStub(HttpStatusCode.OK, Released));
        var keptPath = (await downloader.DownloadAsync(kept)).StoredPath!;
        await downloader.DownloadAsync(revoked);

        Assert.Equal(1, downloader.Delete(revoked.ReleaseId));

        Assert.Equal([keptPath], Directory.GetFiles(Folder, "*", SearchOption.AllDirectories));
        Assert.Equal(0, downloader.Delete(revoked.ReleaseId));
    }

    [Fact]
    public async Task Tampered_bytes_are_refused_with_both_hashes_and_nothing_is_stored()
    {
        var tampered = Encoding.UTF8.GetBytes("{\"text\":\"The sky is green\"}\n");

        var result = await Downloader(new PortalStub(HttpStatusCode.OK, tampered)).DownloadAsync(Release());

        Assert.Null(result.StoredPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(tampered)), result.ActualHash);
        Assert.Contains(ReleasedHash, result.Refusal);
        Assert.Contains(result.ActualHash!, result.Refusal);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task A_portal_refusal_is_returned_and_a_server_error_throws_so_the_bus_retries()
    {
        var forbidden = await Downloader(new PortalStub(HttpStatusCode.Forbidden, "token expired"u8.ToArray())).DownloadAsync(Release());

        Assert.Contains("403", forbidden.Refusal);
        Assert.Contains("token expired", forbidden.Refusal);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Downloader(new PortalStub(HttpStatusCode.ServiceUnavailable, [])).DownloadAsync(Release()));
        Assert.False(Directory.Exists(Folder) && Directory.EnumerateFileSystemEntries(Folder).Any());
    }

    [Fact]
    public async Task An_announced_hash_that_is_not_hex_is_refused_before_anything_is_downloaded()
    {
        var portal = new PortalStub(HttpStatusCode.OK, Released);

        var result = await Downloader(portal).DownloadAsync(Release("../../etc/passwd"));

        Assert.Contains("64 hex digits", result.Refusal);
        Assert.Null(portal.Requested);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("portal:8080", "is not an http:// or https:// address")]
    [InlineData("ftp://portal", "is not an http:// or https:// address")]
    public void A_missing_or_wrong_portal_address_names_the_setting(string? url, string problem)
    {
        var error = Assert.Throws<ConfigurationError>(() => ReleaseDownloadSettings.Read(new SettingReader(_ => url)));

        Assert.Equal(SettingNames.PortalUrl, error.Setting);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Verified_files_are_kept_under_the_data_folder()
    {
        var settings = ReleaseDownloadSettings.Read(new SettingReader(key => key switch
        {
            SettingNames.PortalUrl => "http://portal:8080",
            SettingNames.DataDirectory => _data.Path,
            _ => null,
        }));

        Assert.Equal(new Uri("http://portal:8080"), settings.Portal);
        Assert.Equal(Folder, settings.ReleasesFolder);
    }

    public void Dispose() => _data.Dispose();
}
