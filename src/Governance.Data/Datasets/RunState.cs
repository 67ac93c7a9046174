namespace Governance.Data.Datasets;

/// <summary>Where a background computation over a version (statistics, PII audit) stands.</summary>
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
}
