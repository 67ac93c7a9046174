using Governance.Core.Releases;

namespace Governance.Data.Releases;

/// <summary>
/// A dataset release as stored: which version it releases and, for lists and the inbox, where it stands. The
/// facts are its <see cref="ReleaseStepRow"/>s; these columns are what replaying them gave after the last one.
/// </summary>
public sealed class DatasetReleaseRow
{
    public Guid Id { get; init; }

    /// <summary>The version released; one release per version.</summary>
    public Guid VersionId { get; set; }

    /// <summary>The content hash of that version when it was last submitted or pointed at.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Distinct approvers needed, fixed when the release was created.</summary>
    public int RequiredApprovals { get; init; }

    public DatasetReleaseState State { get; set; }

    /// <summary>Who submitted it last.</summary>
    public string? SubmittedBy { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Counts the changes; two people acting at once cannot both win.</summary>
    public int Revision { get; set; }
}
