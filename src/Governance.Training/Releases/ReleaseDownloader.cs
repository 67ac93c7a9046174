using System.Text;
using Governance.Contracts.Releases;
using Governance.Core.Releases;

namespace Governance.Training.Releases;

/// <summary>
/// Downloads a released version from the portal with its token into a temporary file and keeps it, as
/// <c>releases/&lt;release id&gt;/&lt;dataset&gt;-v&lt;number&gt;-&lt;hash prefix&gt;.jsonl</c>, only when its SHA-256 is
/// the released hash. One folder per release, so that revoking a release deletes exactly its data.
/// </summary>
/// <param name="portal">A client whose base address is the portal.</param>
/// <param name="releasesFolder">Where verified files are kept.</param>
public sealed class ReleaseDownloader(HttpClient portal, string releasesFolder)
{
    /// <summary>Hex digits of the content hash in a stored file's name.</summary>
    public const int HashPrefixLength = 12;

    /// <summary>
    /// Downloads and verifies <paramref name="released"/>. A server error throws (the bus retries); a refusal by the
    /// portal or a hash mismatch is returned as refused, and leaves nothing behind.
    /// </summary>
    public async Task<ReleaseDownload> DownloadAsync(DatasetReleased released, CancellationToken cancellationToken = default)
    {
        if (released.ContentHash.Length != 64 || !released.ContentHash.All(char.IsAsciiHexDigit))
            return ReleaseDownload.Refused(null, $"The announced content hash '{released.ContentHash}' is not 64 hex digits.");
        var address = $"{released.DownloadPath}?token={Uri.EscapeDataString(released.DownloadToken)}";
        using var response = await portal.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if ((int)response.StatusCode >= 500) response.EnsureSuccessStatusCode();
        if (!response.IsSuccessStatusCode)
            return ReleaseDownload.Refused(null, $"The portal answered {(int)response.StatusCode} for {released.DownloadPath}: " +
                $"{await response.Content.ReadAsStringAsync(cancellationToken)}");

        Directory.CreateDirectory(releasesFolder);
        var temporary = Path.Combine(releasesFolder, $".{Guid.NewGuid():N}.part");
        try
        {
            string actual;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
                actual = await ReleasedContent.CopyAndHashAsync(body, file, cancellationToken);
            if (!string.Equals(actual, released.ContentHash, StringComparison.OrdinalIgnoreCase))
                return ReleaseDownload.Refused(actual,
                    $"The downloaded data hashes to {actual}, not the released {released.ContentHash.ToLowerInvariant()}: it was deleted.");
            var folder = Directory.CreateDirectory(FolderOf(released.ReleaseId)).FullName;
            var stored = Path.Combine(folder, FileName(released));
            File.Move(temporary, stored, overwrite: true);
            return new ReleaseDownload(stored, actual, null);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Deletes whatever is stored for <paramref name="releaseId"/>; returns how many files were deleted.</summary>
    public int Delete(Guid releaseId)
    {
        var folder = FolderOf(releaseId);
        if (!Directory.Exists(folder)) return 0;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length;
        Directory.Delete(folder, recursive: true);
        return files;
    }

    /// <summary><paramref name="storedPath"/> relative to the worker's data folder (the parent of the releases folder), with '/' separators.</summary>
    public string RelativeToDataFolder(string storedPath) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(releasesFolder))!, storedPath).Replace(Path.DirectorySeparatorChar, '/');

    private string FolderOf(Guid releaseId) => Path.Combine(releasesFolder, releaseId.ToString("N"));

    /// <summary>The stored file's name; characters other than letters, digits, '.', '-' and '_' in the dataset become '_'.</summary>
    public static string FileName(DatasetReleased released)
    {
        var dataset = new StringBuilder(released.Dataset.Length);
        foreach (var c in released.Dataset) dataset.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var safe = dataset.ToString().TrimStart('.');
        return $"{(safe.Length == 0 ? "dataset" : safe)}-v{released.VersionNumber}-{released.ContentHash[..HashPrefixLength].ToLowerInvariant()}.jsonl";
    }
}
