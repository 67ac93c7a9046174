using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Generation;

/// <summary>
/// Puts a model in evaluation mode (no dropout) with gradients off for as long as the scope lives, then restores the
/// training mode it found, so evaluating in the middle of a training run does not leave dropout switched off.
/// </summary>
internal sealed class InferenceScope : IDisposable
{
    private readonly nn.Module _model;
    private readonly bool _wasTraining;
    private readonly IDisposable _noGrad;

    private InferenceScope(nn.Module model)
    {
        _model = model;
        _wasTraining = model.training;
        model.eval();
        _noGrad = no_grad();
        Device = model.parameters().FirstOrDefault()?.device ?? CPU;
    }

    /// <summary>Where the model's parameters live, and so where its inputs must go.</summary>
    public Device Device { get; }

    public static InferenceScope Enter(nn.Module model) => new(model);

    public void Dispose()
    {
        _noGrad.Dispose();
        if (_wasTraining) _model.train();
    }
}
