namespace Governance.Training.Trainer;

/// <summary>How a run ended and where its results are.</summary>
/// <param name="Outcome">Completed, stopped early or cancelled.</param>
/// <param name="Steps">Optimiser steps taken in all, including those before a resume.</param>
/// <param name="Losses">The loss of each step this call took, in order.</param>
/// <param name="BestValidationLoss">The lowest validation loss seen, if any was computed.</param>
/// <param name="BestStep">The step that reached it; the model holds that step's weights unless the run was cancelled.</param>
/// <param name="LastCheckpoint">The folder of the newest checkpoint, if one was written.</param>
public sealed record TrainingResult(TrainingOutcome Outcome, long Steps, IReadOnlyList<double> Losses, double? BestValidationLoss,
    long? BestStep, string? LastCheckpoint);
