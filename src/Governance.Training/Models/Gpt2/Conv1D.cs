using Governance.Training.Lora;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>
/// GPT-2's linear layer as transformers names and lays it out: weight [in, out], y = x @ weight + bias. It may carry
/// one LoRA adapter, registered as "lora_A" and "lora_B" so parameter paths read as PEFT's saved keys do.
/// </summary>
public sealed class Conv1D : Module<Tensor, Tensor>, ILoraHost
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter _bias;

    private LoraAdapter? _lora;

    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, weights drawn N(0, std), bias zero.</summary>
    public Conv1D(long inFeatures, long outFeatures, double initStd = 0.02) : base(nameof(Conv1D))
    {
        _weight = new Parameter(randn(inFeatures, outFeatures).mul_(initStd));
        _bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    /// <summary>The [in, out] weight.</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc />
    public long InFeatures => _weight.shape[0];

    /// <inheritdoc />
    public long OutFeatures => _weight.shape[1];

    /// <inheritdoc />
    public bool FanInFanOut => true;

    /// <inheritdoc />
    public LoraAdapter? Lora => _lora;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var flat = x.reshape(-1, InFeatures);
        var y = addmm(_bias, flat, _weight, beta: 1, alpha: 1);
        if (_lora is not null) y = y + _lora.Forward(flat, training).to_type(y.dtype);
        return y.view([.. x.shape[..^1], OutFeatures]);
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
