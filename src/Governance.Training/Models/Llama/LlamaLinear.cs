using Governance.Training.Lora;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>
/// A linear layer as PyTorch stores it, weight [out, in] and an optional bias: y = x @ weight^T + bias. It may carry
/// one LoRA adapter, registered as "lora_A" and "lora_B" so parameter paths read as PEFT's saved keys do.
/// </summary>
public sealed class LlamaLinear : Module<Tensor, Tensor>, ILoraHost
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter? _bias;

    private LoraAdapter? _lora;

    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, weights drawn N(0, std), bias zero.</summary>
    public LlamaLinear(long inFeatures, long outFeatures, bool hasBias, double initStd) : base(nameof(LlamaLinear))
    {
        _weight = new Parameter(randn(outFeatures, inFeatures).mul_(initStd));
        if (hasBias) _bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    /// <summary>The [out, in] weight.</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc />
    public long InFeatures => _weight.shape[1];

    /// <inheritdoc />
    public long OutFeatures => _weight.shape[0];

    /// <inheritdoc />
    public bool FanInFanOut => false;

    /// <inheritdoc />
    public LoraAdapter? Lora => _lora;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var y = functional.linear(x, _weight, _bias);
        return _lora is null ? y : y + _lora.Forward(x, training).to_type(y.dtype);
    }

    /// <inheritdoc />
    public void Attach(LoraAdapter? adapter)
    {
        // TorchSharp refuses to register a name twice; registering null removes the present adapter's modules.
        register_module("lora_A", null!);
        register_module("lora_B", null!);
        if (adapter is not null)
        {
            register_module("lora_A", adapter.A);
            register_module("lora_B", adapter.B);
        }
        _lora = adapter;
    }
}
