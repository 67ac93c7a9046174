namespace Governance.Training.Trainer;

/// <summary>Why a run ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All steps were taken.</summary>
    Completed,

    /// <summary>Validation loss stopped improving for the patience allowed.</summary>
    EarlyStopped,

    /// <summary>Cancellation was requested; the last checkpoint resumes the run.</summary>
    Cancelled,
}
