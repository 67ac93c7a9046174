using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>Back-propagates several micro-batches as if they were one batch holding all their tokens.</summary>
public static class GradientAccumulation
{
    /// <summary>
    /// Adds to the gradients of <paramref name="model"/> those of (sum of the micro-batch loss sums) / (total units of
    /// all micro-batches), one micro-batch at a time so only one is in memory; the caller clears gradients before.
    /// </summary>
    public static AccumulatedLoss Backward<TExample>(nn.Module<Tensor, Tensor> model, ITrainingObjective<TExample> objective,
        IReadOnlyList<TokenBatch> microBatches)
    {
        var total = microBatches.Sum(objective.Units);
        var divisor = Math.Max(total, 1);
        var lossSum = 0.0;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var batch in microBatches)
        {
            using var scope = NewDisposeScope();
            var terms = objective.Sum(model, batch);
            terms.LossSum.div(divisor).backward();
            lossSum += terms.LossSum.item<float>();
            foreach (var (name, sum) in terms.MetricSums) metrics[name] = metrics.GetValueOrDefault(name) + sum;
        }
        return new AccumulatedLoss(lossSum / divisor, total, metrics.ToDictionary(pair => pair.Key, pair => pair.Value / divisor));
    }
}
