using Governance.Training.Lora;
using Governance.Training.Objectives;
using Governance.Training.Tests.Lora;
using Governance.Training.Tests.Models;
using Governance.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Trainer;

public sealed class CheckpointResumeTests
{
    private static readonly TrainerSettings Settings = new()
    {
        MaxSteps = 8, MicroBatchSize = 3, AccumulationSteps = 2, LearningRate = 1e-2, WarmupSteps = 2, Schedule = ScheduleKind.Cosine,
        WeightDecay = 0.01, CheckpointEvery = 2, EvaluateEvery = 2,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_cancelled_at_step_5_and_resumed_on_a_rebuilt_model_matches_the_uninterrupted_run_bit_for_bit(bool lora)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var train = TrainingData.Completions(10);
        var validation = TrainingData.Completions(3, seed: 9);
        using var whole = Build(lora);
        var uninterrupted = Loop(whole, Settings).Run(train, validation);
        var expected = TrainableWeights.Snapshot(whole);

        using var cancellation = new CancellationTokenSource();
        using (var first = Build(lora))
        {
            var cancelled = Loop(first, Settings with { CheckpointFolder = folder.Path })
                .Run(train, validation, report => { if (report.Step == 5) cancellation.Cancel(); }, cancellation.Token);
            Assert.Equal((TrainingOutcome.Cancelled, 5L), (cancelled.Outcome, cancelled.Steps));
        }
        using var second = Build(lora);
        var resumed = Loop(second, Settings with { CheckpointFolder = folder.Path }).Run(train, validation);

        Assert.Equal(TrainingOutcome.Completed, resumed.Outcome);
        Assert.Equal(uninterrupted.Losses.Skip(5), resumed.Losses);
        Assert.Equal((uninterrupted.BestValidationLoss, uninterrupted.BestStep), (resumed.BestValidationLoss, resumed.BestStep));
        var actual = TrainableWeights.Snapshot(second);
        Assert.All(expected, pair => Assert.True(pair.Value.Data.SequenceEqual(actual[pair.Key].Data), $"{pair.Key} differs"));
    }

    [Fact]
    public void A_cancelled_run_says_so_and_leaves_a_complete_checkpoint_next_to_the_newest_periodic_one()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = Build(lora: true);
        using var cancellation = new CancellationTokenSource();

        var result = Loop(model, Settings with { CheckpointFolder = folder.Path, CheckpointEvery = 1 })
            .Run(TrainingData.Completions(10), TrainingData.Completions(3, seed: 9), report => { if (report.Step == 3) cancellation.Cancel(); },
                cancellation.Token);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal(Path.Combine(folder.Path, "checkpoint-00000003"), result.LastCheckpoint);
        Assert.Equal(["checkpoint-00000002", "checkpoint-00000003"], Directory.GetDirectories(folder.Path).Select(Path.GetFileName).Order());
        Assert.Equal([TrainingCheckpoint.BestWeightsFileName, TrainingCheckpoint.OptimizerFileName, TrainingCheckpoint.WeightsFileName, TrainerState.FileName],
            Directory.GetFiles(result.LastCheckpoint!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, TrainerState.Read(Path.Combine(result.LastCheckpoint!, TrainerState.FileName)).Step);
    }

    [Fact]
    public void Resuming_with_other_settings_is_refused_naming_each_changed_setting()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using (var first = Build(lora: true))
            Loop(first, Settings with { CheckpointFolder = folder.Path, MaxSteps = 2 }).Run(TrainingData.Completions(10), TrainingData.Completions(3));
        using var second = Build(lora: true);

        var error = Assert.Throws<InvalidOperationException>(() =>
            Loop(second, Settings with { CheckpointFolder = folder.Path, MaxSteps = 4, LearningRate = 1e-3 })
                .Run(TrainingData.Completions(10), TrainingData.Completions(3)));

        Assert.Contains("MaxSteps (was 2, now 4)", error.Message);
        Assert.Contains("LearningRate (was 0.01, now 0.001)", error.Message);
    }

    [Fact]
    public void A_checkpoint_left_half_written_is_ignored_and_overwritten()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".checkpoint-00000002.partial"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "checkpoint-00000002"));
        using var model = Build(lora: true);

        var result = Loop(model, Settings with { CheckpointFolder = folder.Path, MaxSteps = 2 }).Run(TrainingData.Completions(10), TrainingData.Completions(3));

        Assert.Equal(2, result.Losses.Count);
        Assert.Equal(Path.Combine(folder.Path, "checkpoint-00000002"), TrainingCheckpoint.FindLatest(folder.Path));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".checkpoint-00000002.partial")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "checkpoint-00000002", TrainingCheckpoint.WeightsFileName)));
    }

    private static TrainingLoop<TokenExample> Loop(nn.Module<Tensor, Tensor> model, TrainerSettings settings) =>
        new(model, new CausalLmObjective(), settings);

    // Adapter dropout makes the run draw random numbers, so a resume must also restore the generator.
    private static nn.Module<Tensor, Tensor> Build(bool lora)
    {
        var model = TinyGpt2.Create();
        if (lora) LoraModel.Apply(model, LoraTestModels.Config with { Settings = new LoraSettings { Rank = 4, Alpha = 8, Dropout = 0.1 } });
        return model;
    }
}
