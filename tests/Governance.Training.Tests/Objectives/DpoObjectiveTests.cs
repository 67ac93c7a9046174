using Governance.Training.Lora;
using Governance.Training.Objectives;
using Governance.Training.Tests.Lora;
using Governance.Training.Tests.Models;
using Governance.Training.Tests.Trainer;
using Governance.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Objectives;

public sealed class DpoObjectiveTests
{
    [Fact]
    public void The_loss_and_rewards_match_a_hand_computation_from_policy_and_base_log_probabilities()
    {
        using var scope = NewDisposeScope();
        using var policy = LoraTestModels.WithTrainedAdapters();
        using var reference = TinyGpt2.Create();
        PreferencePair[] pairs = [new([1, 2, 3], [4, 5], [6, 7, 8, 9]), new([10, 11], [12, 13, 14], [15])];
        var margins = pairs.Select(pair =>
            0.1 * (LogProb(policy, pair.Prompt, pair.Chosen) - LogProb(reference, pair.Prompt, pair.Chosen)
                   - (LogProb(policy, pair.Prompt, pair.Rejected) - LogProb(reference, pair.Prompt, pair.Rejected)))).ToList();
        var objective = new DpoObjective();

        using var batch = objective.Collate(pairs, CPU);
        var terms = objective.Sum(policy, batch);

        Assert.Equal(2, objective.Units(batch));
        Assert.Equal(margins.Sum(margin => Math.Log(1 + Math.Exp(-margin))), terms.LossSum.item<float>(), 1e-5);
        Assert.Equal(margins.Sum(), terms.MetricSums[DpoObjective.RewardMargin], 1e-5);
        Assert.Equal(margins.Count(margin => margin > 0), terms.MetricSums[DpoObjective.RewardAccuracy]);
        Assert.True(Math.Abs(margins[0]) > 1e-3, "the adapters should make policy and reference differ");
    }

    [Fact]
    public void A_few_DPO_steps_on_LoRA_adapters_raise_the_chosen_over_rejected_margin_from_zero()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        LoraModel.Apply(model, LoraTestModels.Config);
        var pairs = TrainingData.Preferences(8);
        var objective = new DpoObjective();
        var before = Validation(model, objective, pairs);

        var result = new TrainingLoop<PreferencePair>(model, objective,
            new TrainerSettings { MaxSteps = 12, MicroBatchSize = 4, LearningRate = 5e-2, Schedule = ScheduleKind.Constant }).Run(pairs);

        var after = Validation(model, objective, pairs);
        Assert.Equal(Math.Log(2), before.Loss, 1e-6);
        Assert.Equal(0, before.Metrics[DpoObjective.RewardMargin]);
        Assert.True(after.Metrics[DpoObjective.RewardMargin] > 0.2, $"margin only reached {after.Metrics[DpoObjective.RewardMargin]}");
        Assert.Equal(1, after.Metrics[DpoObjective.RewardAccuracy]);
        Assert.True(after.Loss < before.Loss - 0.1, $"DPO loss went from {before.Loss} to {after.Loss}");
        Assert.Equal(12, result.Losses.Count);
    }

    [Fact]
    public void Without_adapters_or_a_reference_model_DPO_says_what_to_provide()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var objective = new DpoObjective();
        using var batch = objective.Collate(TrainingData.Preferences(1), CPU);

        var error = Assert.Throws<InvalidOperationException>(() => objective.Sum(model, batch));

        Assert.Contains("attach LoRA adapters to the model or pass a reference model", error.Message);
    }

    private static AccumulatedLoss Validation(nn.Module<Tensor, Tensor> model, DpoObjective objective, List<PreferencePair> pairs)
    {
        using var _ = no_grad();
        using var batch = objective.Collate(pairs, CPU);
        var terms = objective.Sum(model, batch);
        return new AccumulatedLoss(terms.LossSum.item<float>() / pairs.Count, pairs.Count,
            terms.MetricSums.ToDictionary(pair => pair.Key, pair => pair.Value / pairs.Count));
    }

    // log p(completion | prompt) from one unpadded row, the softmax worked out in doubles.
    private static double LogProb(nn.Module<Tensor, Tensor> model, long[] prompt, long[] completion)
    {
        long[] ids = [.. prompt, .. completion];
        using var _ = no_grad();
        var logits = model.call(tensor(ids).unsqueeze(0))[0];
        var total = 0.0;
        for (var t = prompt.Length - 1; t < ids.Length - 1; t++)
        {
            var row = logits[t].data<float>().Select(value => (double)value).ToArray();
            var max = row.Max();
            total += row[ids[t + 1]] - max - Math.Log(row.Sum(value => Math.Exp(value - max)));
        }
        return total;
    }
}
