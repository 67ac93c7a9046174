namespace Governance.Data.Datasets;

/// <summary>Where a background computation over a version (statistics, PII and bias audits) stands.</summary>
public enum RunState
{
    /// <summary>Waiting for the background job.</summary>
    Queued,

    /// <summary>Being computed.</summary>
    Running,

    /// <summary>Computed; the statistics are stored.</summary>
    Succeeded,

    /// <summary>The computation failed; the error is stored.</summary>
    Failed,

    /// <summary>Stopped because a person asked; no result is stored.</summary>
    Cancelled,
}
