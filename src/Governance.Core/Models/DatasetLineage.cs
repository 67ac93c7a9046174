namespace Governance.Core.Models;

/// <summary>
/// A published dataset release a model was trained on: the release, its dataset and version, and the content hash the
/// version had; and, once the release is revoked, when, by whom and why (the model is then "trained on revoked data").
/// </summary>
public sealed record DatasetLineage(
    Guid ReleaseId, string Dataset, int Version, string ContentHash,
    DateTimeOffset? RevokedUtc = null, string? RevokedBy = null, string? RevocationComment = null)
{
    /// <summary>Whether the release was revoked after the model was trained on it.</summary>
    public bool Revoked => RevokedUtc is not null;

    /// <summary>One line for the model card's training-data section.</summary>
    public string Describe() => $"{Dataset} v{Version} (release {ReleaseId}, content SHA-256 {ContentHash})";

    /// <summary>Why a model trained on this release may not move on, naming the revocation.</summary>
    public string DescribeRevocation() =>
        $"{Dataset} v{Version} (release {ReleaseId}) was revoked at {RevokedUtc:u} by {RevokedBy}: {RevocationComment}";
}
