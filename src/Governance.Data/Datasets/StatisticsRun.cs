namespace Governance.Data.Datasets;

/// <summary>Where the computation of a version's statistics stands.</summary>
public enum StatisticsState
{
    /// <summary>Waiting for the background job.</summary>
    Queued,

    /// <summary>Being computed.</summary>
    Running,

    /// <summary>Computed; the statistics are stored.</summary>
    Succeeded,

    /// <summary>The computation failed; the error is stored.</summary>
    Failed,
}

/// <summary>The statistics of one version, or why there are none yet.</summary>
public sealed class StatisticsRun
{
    public Guid VersionId { get; init; }

    public StatisticsState State { get; set; }

    /// <summary>The <see cref="Core.Datasets.Statistics.VersionStatistics"/> as JSON, once computed.</summary>
    public string? Json { get; set; }

    /// <summary>What went wrong, when it failed.</summary>
    public string? Error { get; set; }

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }
}

/// <summary>A PII audit of one version: where it stands, at which threshold, and the summary once done.</summary>
public sealed class PiiAuditRun
{
    public Guid VersionId { get; init; }

    public StatisticsState State { get; set; }

    public double Threshold { get; set; }

    /// <summary>The <see cref="Core.Pii.PiiAuditSummary"/> as JSON, once computed: counts and masked excerpts, never a value.</summary>
    public string? Json { get; set; }

    public string? Error { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }
}
