using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>The optimiser of a run: AdamW (decoupled weight decay, <see cref="TrainingAdamW"/>) over the trainable parameters.</summary>
public static class TrainingOptimizer
{
    /// <summary>
    /// AdamW with <paramref name="settings"/>' betas, eps and weight decay. The betas are always passed: TorchSharp's
    /// optim.AdamW factory defaults beta2 to 0.99, not PyTorch's 0.999.
    /// </summary>
    public static TrainingAdamW Create(IEnumerable<Parameter> parameters, TrainerSettings settings) =>
        new(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, settings.Epsilon, settings.WeightDecay);

    /// <summary>Sets the learning rate of every parameter group for the next step.</summary>
    public static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }
}
