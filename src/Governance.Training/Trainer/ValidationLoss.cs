using Governance.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>The objective's loss over a held-out set, in evaluation mode and without gradients.</summary>
public static class ValidationLoss
{
    /// <summary>The summed loss of all <paramref name="examples"/> divided by their units, in batches of <paramref name="batchSize"/>.</summary>
    public static double Compute<TExample>(nn.Module<Tensor, Tensor> model, ITrainingObjective<TExample> objective,
        IReadOnlyList<TExample> examples, int batchSize, Device device)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var (lossSum, units) = (0.0, 0L);
            foreach (var chunk in examples.Chunk(batchSize))
            {
                using var scope = NewDisposeScope();
                using var batch = objective.Collate(chunk, device);
                lossSum += objective.Sum(model, batch).LossSum.item<float>();
                units += objective.Units(batch);
            }
            return lossSum / Math.Max(units, 1);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
