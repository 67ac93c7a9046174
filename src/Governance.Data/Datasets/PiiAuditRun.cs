namespace Governance.Data.Datasets;

/// <summary>A PII audit of one version: where it stands, at which threshold, and the summary once done.</summary>
public sealed class PiiAuditRun
{
    public Guid VersionId { get; init; }

    public RunState State { get; set; }

    public double Threshold { get; set; }

    /// <summary>The <see cref="Core.Pii.PiiAuditSummary"/> as JSON, once computed: counts and masked excerpts, never a value.</summary>
    public string? Json { get; set; }

    public string? Error { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }
}
