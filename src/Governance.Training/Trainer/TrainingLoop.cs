using System.Diagnostics;
using Governance.Training.Objectives;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>
/// Trains the parameters of <paramref name="model"/> that require gradients (LoRA adapters, or every weight) on
/// <paramref name="objective"/>: AdamW with warm-up and decay, gradient accumulation, clipping, validation with early
/// stopping, checkpoints, resume from the last checkpoint, and cancellation between steps.
/// </summary>
public sealed class TrainingLoop<TExample>(nn.Module<Tensor, Tensor> model, ITrainingObjective<TExample> objective, TrainerSettings settings)
{
    /// <summary>
    /// Every this many steps the C heap's freed pages go back to the system, which keeps a long run's resident memory
    /// flat (measured with <c>bench training --memory-steps 1000 --trim-every 10</c>) at a cost within the noise.
    /// </summary>
    public const int NativeMemoryTrimEvery = 10;

    /// <summary>
    /// Runs until <see cref="TrainerSettings.MaxSteps"/> steps are taken, validation stops improving, or
    /// <paramref name="cancellationToken"/> is cancelled. Resumes from the newest checkpoint in the checkpoint folder
    /// when there is one. Afterwards the model holds the best validated weights (the latest ones when cancelled).
    /// </summary>
    public TrainingResult Run(IReadOnlyList<TExample> train, IReadOnlyList<TExample>? validation = null,
        Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        if (settings.EvaluateEvery > 0 && validation is not { Count: > 0 })
            throw new ArgumentException($"Training setting {nameof(TrainerSettings.EvaluateEvery)} needs validation examples.", nameof(validation));
        var trainable = TrainableWeights.Of(model);
        if (trainable.Count == 0)
            throw new InvalidOperationException("The model has no trainable parameter: attach LoRA adapters or leave the weights unfrozen.");
        manual_seed(settings.Seed);
        using var optimizer = TrainingOptimizer.Create(trainable.Select(pair => pair.Parameter), settings);
        var order = new DataOrder(train.Count, settings.Seed);
        var stopping = new EarlyStopping(settings.EarlyStoppingPatience, settings.EarlyStoppingMinDelta);
        var step = Resume(optimizer, order, stopping);
        var device = trainable[0].Parameter.device;
        var schedule = new LearningRateSchedule(settings.Schedule, settings.LearningRate, settings.WarmupSteps, settings.MaxSteps);
        var losses = new List<double>();
        var cancelled = false;
        using var memory = NativeMemory.ReuseLargeBlocks();
        model.train();
        while (step < settings.MaxSteps && !stopping.PatienceExhausted)
        {
            if (cancellationToken.IsCancellationRequested) { cancelled = true; break; }
            var report = Step(step + 1, optimizer, trainable, schedule.RateAt(step), train, order, device);
            step++;
            losses.Add(report.Loss);
            if (settings.EvaluateEvery > 0 && step % settings.EvaluateEvery == 0)
            {
                var validationLoss = ValidationLoss.Compute(model, objective, validation!, settings.MicroBatchSize, device);
                stopping.Observe(step, validationLoss, model);
                report = report with { ValidationLoss = validationLoss };
            }
            progress?.Invoke(report);
            if (step % NativeMemoryTrimEvery == 0) NativeMemory.TrimFreedMemory();
            if (settings.CheckpointEvery > 0 && step % settings.CheckpointEvery == 0) Checkpoint(step, optimizer, order, stopping);
        }
        var checkpoint = Checkpoint(step, optimizer, order, stopping);
        var outcome = cancelled ? TrainingOutcome.Cancelled : stopping.PatienceExhausted ? TrainingOutcome.EarlyStopped : TrainingOutcome.Completed;
        if (outcome != TrainingOutcome.Cancelled && stopping.BestWeights is not null) TrainableWeights.Restore(model, stopping.BestWeights);
        return new TrainingResult(outcome, step, losses, stopping.BestLoss, stopping.BestStep, checkpoint);
    }

    private TrainingProgress Step(long number, AdamW optimizer, IReadOnlyList<(string Name, Parameter Parameter)> trainable, double rate,
        IReadOnlyList<TExample> train, DataOrder order, Device device)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        TrainingOptimizer.SetLearningRate(optimizer, rate);
        optimizer.zero_grad();
        var batches = Enumerable.Range(0, settings.AccumulationSteps)
            .Select(_ => objective.Collate([.. order.Take(settings.MicroBatchSize).Select(index => train[index])], device)).ToList();
        var loss = GradientAccumulation.Backward(model, objective, batches);
        var norm = GradientClipping.ClipByGlobalNorm(trainable.Select(pair => pair.Parameter), settings.MaxGradNorm);
        optimizer.step();
        var tokensPerSecond = batches.Sum(batch => batch.Tokens) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return new TrainingProgress(number, settings.MaxSteps, loss.Loss, rate, tokensPerSecond, norm, loss.Metrics, null);
    }

    private long Resume(AdamW optimizer, DataOrder order, EarlyStopping stopping)
    {
        var folder = settings.CheckpointFolder is null ? null : TrainingCheckpoint.FindLatest(settings.CheckpointFolder);
        if (folder is null) return 0;
        var (state, best) = TrainingCheckpoint.Load(folder, settings, model, optimizer);
        order.MoveTo(state.Data);
        TorchRandomState.Restore(state.RandomState);
        stopping.Resume(state, best);
        return state.Step;
    }

    private string? Checkpoint(long step, AdamW optimizer, DataOrder order, EarlyStopping stopping)
    {
        if (settings.CheckpointFolder is null) return null;
        var state = new TrainerState
        {
            Step = step, Data = order.Position, RandomState = TorchRandomState.Capture(),
            BestValidationLoss = stopping.BestLoss, BestStep = stopping.BestStep,
            EvaluationsWithoutImprovement = stopping.EvaluationsWithoutImprovement, Settings = TrainerState.Trajectory(settings),
        };
        Directory.CreateDirectory(settings.CheckpointFolder);
        return TrainingCheckpoint.Save(settings.CheckpointFolder, state, model, optimizer, stopping.BestWeights, settings.KeepCheckpoints);
    }
}
