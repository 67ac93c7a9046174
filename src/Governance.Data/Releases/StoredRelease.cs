using Governance.Core.Releases;

namespace Governance.Data.Releases;

/// <summary>A release with its dataset and version, its steps in order, and the aggregate they rebuild.</summary>
public sealed record StoredRelease(DatasetReleaseRow Row, string Dataset, int VersionNumber, IReadOnlyList<ReleaseStepRow> Steps, DatasetRelease Release)
{
    /// <summary>Replays <paramref name="steps"/> (in order) through the Core rules.</summary>
    public static StoredRelease Of(DatasetReleaseRow row, string dataset, int versionNumber, IReadOnlyList<ReleaseStepRow> steps) =>
        new(row, dataset, versionNumber, steps, ReleaseStep.Replay(row.RequiredApprovals, [.. steps.Select(s => s.ToStep())]));
}
