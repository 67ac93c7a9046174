using System.Security.Cryptography;

namespace Governance.Core.Releases;

/// <summary>
/// What a worker checks before it trains on a released version: the SHA-256 of the bytes it downloaded (the version's
/// canonical JSONL) equals the content hash the <c>DatasetReleased</c> message announced. Anything else is refused.
/// </summary>
public static class ReleasedContent
{
    /// <summary>The SHA-256 of <paramref name="content"/>, read to its end, as lower-case hex.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

    /// <summary>
    /// Copies <paramref name="source"/> to its end into <paramref name="destination"/> and returns the SHA-256 of the bytes
    /// copied, as lower-case hex: one pass, instead of writing the download and reading it back to hash it.
    /// </summary>
    public static async Task<string> CopyAndHashAsync(Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="content"/> hashes to <paramref name="releasedHash"/> (hex, either case).</summary>
    public static async Task<bool> MatchesAsync(Stream content, string releasedHash, CancellationToken cancellationToken = default) =>
        string.Equals(await HashAsync(content, cancellationToken), releasedHash, StringComparison.OrdinalIgnoreCase);
}
