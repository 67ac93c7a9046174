namespace Governance.Training.Trainer;

/// <summary>What a run reports after each optimiser step.</summary>
/// <param name="Step">Steps taken so far (1 after the first).</param>
/// <param name="TotalSteps">Steps the run will take unless stopped early.</param>
/// <param name="Loss">The step's loss, averaged over all its tokens (or pairs).</param>
/// <param name="LearningRate">The rate the step used.</param>
/// <param name="TokensPerSecond">Real (not padding) tokens the step processed per second of wall time.</param>
/// <param name="GradientNorm">The global gradient norm before clipping.</param>
/// <param name="Metrics">The objective's own figures (DPO's reward accuracy and margin), averaged like the loss.</param>
/// <param name="ValidationLoss">The validation loss when the step evaluated one.</param>
public sealed record TrainingProgress(long Step, long TotalSteps, double Loss, double LearningRate, double TokensPerSecond,
    double GradientNorm, IReadOnlyDictionary<string, double> Metrics, double? ValidationLoss);
