using Governance.Core.Releases;

namespace Governance.Data.Models;

/// <summary>
/// The release of a model version, created when it is registered. The facts are its <see cref="ModelReleaseStepRow"/>s;
/// these columns are what replaying them gave after the last one, for lists and the inbox.
/// </summary>
public sealed class ModelReleaseRow
{
    public Guid Id { get; init; }

    /// <summary>The version released; one release per version.</summary>
    public Guid ModelVersionId { get; init; }

    /// <summary>The weights hash after the last step.</summary>
    public required string WeightsHash { get; set; }

    /// <summary>Distinct approvers needed, fixed when the release was created.</summary>
    public int RequiredApprovals { get; init; }

    public ModelReleaseState State { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Counts the changes; two people acting at once cannot both win.</summary>
    public int Revision { get; set; }
}
