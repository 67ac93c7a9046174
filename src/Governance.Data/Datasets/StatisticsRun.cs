namespace Governance.Data.Datasets;

/// <summary>The statistics of one version, or why there are none yet.</summary>
public sealed class StatisticsRun
{
    public Guid VersionId { get; init; }

    public RunState State { get; set; }

    /// <summary>The <see cref="Core.Datasets.Statistics.VersionStatistics"/> as JSON, once computed.</summary>
    public string? Json { get; set; }

    /// <summary>What went wrong, when it failed.</summary>
    public string? Error { get; set; }

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }
}
