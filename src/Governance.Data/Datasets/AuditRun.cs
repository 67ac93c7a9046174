namespace Governance.Data.Datasets;

/// <summary>
/// What every audit of a version stores (PII, bias): where it stands, how far it got, who asked and when, and its
/// result as JSON once done. One row per version: asking again replaces the earlier audit.
/// </summary>
public abstract class AuditRun
{
    public Guid VersionId { get; init; }

    public RunState State { get; set; }

    /// <summary>The audit's result as JSON, once it succeeded.</summary>
    public string? Json { get; set; }

    /// <summary>What went wrong, when it failed.</summary>
    public string? Error { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }

    /// <summary>Records read so far; stored about once a second while running, so a page can draw a progress bar.</summary>
    public long RecordsDone { get; set; }

    /// <summary>Records of the version, the end of the progress bar.</summary>
    public long RecordsTotal { get; set; }

    /// <summary>Someone asked to stop the running audit; the background job stops at its next progress report.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Waiting or being computed.</summary>
    public bool Pending => State is RunState.Queued or RunState.Running;
}
