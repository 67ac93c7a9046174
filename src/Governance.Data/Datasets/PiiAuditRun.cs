namespace Governance.Data.Datasets;

/// <summary>A PII audit of one version: at which threshold, and the summary once done (<see cref="AuditRun.Json"/>: a
/// <see cref="Core.Pii.PiiAuditSummary"/>, counts and masked excerpts, never a value).</summary>
public sealed class PiiAuditRun : AuditRun
{
    public double Threshold { get; set; }
}
