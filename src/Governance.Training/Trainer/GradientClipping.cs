using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>Global-norm gradient clipping, as torch.nn.utils.clip_grad_norm_ with the L2 norm.</summary>
public static class GradientClipping
{
    /// <summary>
    /// The L2 norm of all gradients of <paramref name="parameters"/> taken together; when it exceeds
    /// <paramref name="maxNorm"/> (and maxNorm is positive) every gradient is scaled by maxNorm / (norm + 1e-6).
    /// Returns the norm before clipping.
    /// </summary>
    public static double ClipByGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope();
        var gradients = parameters.Select(parameter => parameter.grad).OfType<Tensor>().ToList();
        if (gradients.Count == 0) return 0;
        using var _ = no_grad();
        var squares = gradients.Select(gradient => gradient.to_type(ScalarType.Float32).square().sum()).ToList();
        var norm = stack(squares).sum().sqrt().item<float>();
        var coefficient = maxNorm / (norm + 1e-6);
        if (maxNorm > 0 && coefficient < 1)
            foreach (var gradient in gradients) gradient.mul_(coefficient);
        return norm;
    }
}
