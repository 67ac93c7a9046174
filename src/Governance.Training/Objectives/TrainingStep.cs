using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>One optimiser step of causal-LM training on a batch, every temporary tensor freed before it returns.</summary>
public static class TrainingStep
{
    /// <summary>Clears gradients, runs <paramref name="model"/> on the batch, back-propagates the mean loss and steps; returns the loss.</summary>
    public static double Run(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor inputIds, Tensor labels)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var (sum, tokens) = CausalLmLoss.SumConsumingLogits(model.call(inputIds), labels);
        var loss = sum / Math.Max(tokens, 1);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
