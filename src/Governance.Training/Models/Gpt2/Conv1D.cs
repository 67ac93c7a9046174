using Governance.Training.Lora;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>
/// GPT-2's linear layer as transformers names and lays it out: weight [in, out], y = x @ weight + bias. It may carry
/// one LoRA adapter (<see cref="LoraHostModule"/>).
/// </summary>
public sealed class Conv1D : LoraHostModule
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter _bias;

    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, weights drawn N(0, std), bias zero.</summary>
    public Conv1D(long inFeatures, long outFeatures, double initStd = 0.02) : base(nameof(Conv1D))
    {
        _weight = new Parameter(randn(inFeatures, outFeatures).mul_(initStd));
        _bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    /// <summary>The [in, out] weight.</summary>
    public override Parameter Weight => _weight;

    /// <inheritdoc />
    public override long InFeatures => _weight.shape[0];

    /// <inheritdoc />
    public override long OutFeatures => _weight.shape[1];

    /// <inheritdoc />
    public override bool FanInFanOut => true;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var flat = x.reshape(-1, InFeatures);
        var y = addmm(_bias, flat, _weight, beta: 1, alpha: 1);
        if (Lora is not null) y = Lora.AddTo(y, flat, training);
        return y.view([.. x.shape[..^1], OutFeatures]);
    }
}
