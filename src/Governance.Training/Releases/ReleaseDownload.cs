namespace Governance.Training.Releases;

/// <summary>What came of downloading one released version: stored at <paramref name="StoredPath"/>, or refused.</summary>
/// <param name="StoredPath">The verified file; null when refused.</param>
/// <param name="ActualHash">The SHA-256 of the downloaded bytes; null when nothing was downloaded.</param>
/// <param name="Refusal">Why it was refused, in words an operator can act on; null when stored.</param>
public sealed record ReleaseDownload(string? StoredPath, string? ActualHash, string? Refusal)
{
    /// <summary>A refused download: nothing is stored.</summary>
    public static ReleaseDownload Refused(string? actualHash, string reason) => new(null, actualHash, reason);
}
