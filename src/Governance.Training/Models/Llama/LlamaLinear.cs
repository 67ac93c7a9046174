using Governance.Training.Lora;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>
/// A linear layer as PyTorch stores it, weight [out, in] and an optional bias: y = x @ weight^T + bias. It may carry
/// one LoRA adapter (<see cref="LoraHostModule"/>).
/// </summary>
public sealed class LlamaLinear : LoraHostModule
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter? _bias;

    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, weights drawn N(0, std), bias zero.</summary>
    public LlamaLinear(long inFeatures, long outFeatures, bool hasBias, double initStd) : base(nameof(LlamaLinear))
    {
        _weight = new Parameter(randn(outFeatures, inFeatures).mul_(initStd));
        if (hasBias) _bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    /// <summary>The [out, in] weight.</summary>
    public override Parameter Weight => _weight;

    /// <inheritdoc />
    public override long InFeatures => _weight.shape[1];

    /// <inheritdoc />
    public override long OutFeatures => _weight.shape[0];

    /// <inheritdoc />
    public override bool FanInFanOut => false;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        if (Lora is null) return functional.linear(x, _weight, _bias);
        var flat = x.reshape(-1, InFeatures);
        var y = Lora.AddTo(functional.linear(flat, _weight, _bias), flat, training);
        return y.view([.. x.shape[..^1], OutFeatures]);
    }
}
