using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>
/// Root-mean-square norm as transformers computes it: in fp32 whatever the input dtype, cast back to the input dtype,
/// then scaled by the weight, so bf16 weights give the same rounding as the reference.
/// </summary>
public sealed class LlamaRmsNorm : Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    private readonly double _epsilon;

    /// <summary>A norm over the last dimension of width <paramref name="size"/>, weight one.</summary>
    public LlamaRmsNorm(long size, double epsilon) : base(nameof(LlamaRmsNorm))
    {
        _weight = new Parameter(ones(size));
        _epsilon = epsilon;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var h = x.to_type(ScalarType.Float32);
        var normalised = h * (h.pow(2).mean([-1], keepdim: true) + _epsilon).rsqrt();
        return _weight * normalised.to_type(x.dtype);
    }
}
