using Governance.Training.Lora;
using Governance.Training.Objectives;
using Governance.Training.Safetensors;
using Governance.Training.Tests.Lora;
using Governance.Training.Tests.Models;
using Governance.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Trainer;

public sealed class TrainingLoopTests
{
    private static readonly TrainerSettings Settings = new()
    {
        MaxSteps = 12, MicroBatchSize = 4, AccumulationSteps = 2, LearningRate = 1e-2, WarmupSteps = 2, Schedule = ScheduleKind.Cosine,
    };

    [Fact]
    public void LoRA_training_lowers_the_loss_reports_every_step_and_leaves_base_weights_bit_for_bit_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        LoraModel.Apply(model, LoraTestModels.Config with { Settings = new LoraSettings { Rank = 8, Alpha = 16 } });
        var reports = new List<TrainingProgress>();

        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(), Settings with { LearningRate = 5e-2 }).Run(TrainingData.Completions(16), progress: reports.Add);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.Equal(Enumerable.Range(1, 12).Select(step => (long)step), reports.Select(report => report.Step));
        Assert.Equal([0, 2.5e-2, 5e-2], reports.Take(3).Select(report => report.LearningRate));
        Assert.All(reports, report => Assert.True(report.GradientNorm > 0 && report.TokensPerSecond > 0 && report.TotalSteps == 12));
        Assert.True(result.Losses[^1] < result.Losses[0] - 0.3, $"loss went from {result.Losses[0]:F3} to {result.Losses[^1]:F3}");
        foreach (var (name, original) in before) TensorAssert.BitEqual(original, model.get_parameter(name)!);
    }

    [Fact]
    public void Full_fine_tuning_changes_every_weight_and_lowers_the_loss()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(), Settings with { LearningRate = 3e-3 })
            .Run(TrainingData.Completions(16));

        Assert.True(result.Losses[^1] < result.Losses[0] - 0.3, $"loss went from {result.Losses[0]:F3} to {result.Losses[^1]:F3}");
        Assert.All(before, pair => Assert.True(TensorAssert.MaxGap(pair.Value, model.get_parameter(pair.Key)!) > 0, $"{pair.Key} did not change"));
    }

    [Fact]
    public void Early_stopping_ends_the_run_after_the_patience_and_the_model_keeps_the_best_weights()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        LoraModel.Apply(model, LoraTestModels.Config);
        var weightsByStep = new Dictionary<long, IReadOnlyDictionary<string, SafetensorsTensor>>();
        // A minimum improvement no loss can reach: the first evaluation stays the best.
        var settings = Settings with { EvaluateEvery = 2, EarlyStoppingPatience = 2, EarlyStoppingMinDelta = 100 };

        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(), settings).Run(TrainingData.Completions(16),
            TrainingData.Completions(4, seed: 9), report => weightsByStep[report.Step] = TrainableWeights.Snapshot(model));

        Assert.Equal(TrainingOutcome.EarlyStopped, result.Outcome);
        Assert.Equal(6, result.Steps);
        Assert.Equal(2, result.BestStep);
        var kept = TrainableWeights.Snapshot(model);
        Assert.All(weightsByStep[2], pair => Assert.Equal(pair.Value.Data, kept[pair.Key].Data));
        Assert.NotEqual(weightsByStep[6].First().Value.Data, kept[weightsByStep[6].First().Key].Data);
    }

    [Fact]
    public void The_validation_loss_is_the_token_weighted_loss_of_the_held_out_set_and_improvements_are_kept()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        LoraModel.Apply(model, LoraTestModels.Config);
        var validation = TrainingData.Completions(4, seed: 9);
        var reports = new List<TrainingProgress>();

        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(), Settings with { EvaluateEvery = 4 })
            .Run(TrainingData.Completions(16), validation, reports.Add);

        var evaluated = reports.Where(report => report.ValidationLoss is not null).ToList();
        Assert.Equal([4L, 8, 12], evaluated.Select(report => report.Step));
        Assert.Equal(evaluated.Min(report => report.ValidationLoss), result.BestValidationLoss);
        using var batch = TokenBatch.Collate(validation);
        using var _ = no_grad();
        Assert.Equal(result.BestValidationLoss!.Value, CausalLmLoss.Mean(model.call(batch.InputIds), batch.Labels).item<float>(), 1e-5);
    }

    [Fact]
    public void A_model_with_nothing_to_train_is_refused_with_what_to_do()
    {
        using var model = TinyGpt2.Create();
        foreach (var (_, parameter) in model.named_parameters()) parameter.requires_grad = false;

        var error = Assert.Throws<InvalidOperationException>(() =>
            new TrainingLoop<TokenExample>(model, new CausalLmObjective(), Settings).Run(TrainingData.Completions(4)));

        Assert.Contains("attach LoRA adapters", error.Message);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => (Settings with { WarmupSteps = 20 }).Validate());

        Assert.Contains("WarmupSteps", error.Message);
    }
}
