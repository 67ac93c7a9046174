namespace Governance.Training.Trainer;

/// <summary>
/// The hyper-parameters and bookkeeping of a training run. Defaults follow transformers' Trainer where it has one
/// (AdamW betas 0.9 / 0.999, eps 1e-8, gradient norm clipped at 1, linear decay).
/// </summary>
public sealed record TrainerSettings
{
    /// <summary>Optimiser steps to take in all, including those before a resume.</summary>
    public long MaxSteps { get; init; } = 100;

    /// <summary>Examples per forward pass.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>Micro-batches whose gradients are summed into one optimiser step.</summary>
    public int AccumulationSteps { get; init; } = 1;

    /// <summary>The learning rate after warm-up.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>How the rate decays after warm-up.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Linear;

    /// <summary>Steps over which the rate rises linearly from zero.</summary>
    public long WarmupSteps { get; init; }

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; }

    /// <summary>AdamW's first-moment coefficient.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW's second-moment coefficient.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>AdamW's denominator term.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>The global gradient norm is clipped to this; 0 turns clipping off.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Seeds torch's generator (dropout, fresh adapters) and the data order.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Validation loss is computed every this many steps; 0 never.</summary>
    public long EvaluateEvery { get; init; }

    /// <summary>Evaluations in a row without improvement that stop the run; 0 never stops early.</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>How much lower than the best a validation loss must be to count as an improvement.</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>The folder checkpoints are written to and resumed from; null writes none.</summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>A checkpoint is written every this many steps (and when the run ends or is cancelled); 0 only then.</summary>
    public long CheckpointEvery { get; init; }

    /// <summary>How many of the newest checkpoints are kept; older ones are deleted.</summary>
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>Refuses settings a run cannot use, naming the setting to fix.</summary>
    public void Validate()
    {
        Require(MaxSteps > 0, nameof(MaxSteps), "must be at least 1");
        Require(MicroBatchSize > 0, nameof(MicroBatchSize), "must be at least 1");
        Require(AccumulationSteps > 0, nameof(AccumulationSteps), "must be at least 1");
        Require(LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(WarmupSteps >= 0 && WarmupSteps <= MaxSteps, nameof(WarmupSteps), $"must be between 0 and {nameof(MaxSteps)}");
        Require(WeightDecay >= 0, nameof(WeightDecay), "must not be negative");
        Require(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, "Beta1/Beta2", "must lie in [0, 1)");
        Require(MaxGradNorm >= 0, nameof(MaxGradNorm), "must not be negative (0 turns clipping off)");
        Require(EvaluateEvery >= 0 && CheckpointEvery >= 0, "EvaluateEvery/CheckpointEvery", "must not be negative");
        Require(EarlyStoppingPatience == 0 || EvaluateEvery > 0, nameof(EarlyStoppingPatience), $"needs {nameof(EvaluateEvery)} above 0");
        Require(KeepCheckpoints > 0, nameof(KeepCheckpoints), "must be at least 1");
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new ArgumentException($"Training setting {setting} {rule}.");
    }
}
