using Governance.Core.Models;

namespace Governance.Data.Models;

/// <summary>
/// A published dataset release a model version was trained on, with the version's content hash at registration. When
/// that release is revoked, the revocation is copied here in the same transaction: the model is "trained on revoked data".
/// </summary>
public sealed class ModelLineageRow
{
    public long Id { get; init; }

    public Guid ModelVersionId { get; init; }

    public Guid DatasetReleaseId { get; init; }

    public required string Dataset { get; init; }

    public int VersionNumber { get; init; }

    public required string ContentHash { get; init; }

    public DateTimeOffset? RevokedUtc { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationComment { get; set; }

    public DatasetLineage ToLineage() =>
        new(DatasetReleaseId, Dataset, VersionNumber, ContentHash, RevokedUtc, RevokedBy, RevocationComment);
}
