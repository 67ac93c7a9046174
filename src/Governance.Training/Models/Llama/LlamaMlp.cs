using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>The SwiGLU feed-forward layer: down_proj(silu(gate_proj(x)) * up_proj(x)).</summary>
public sealed class LlamaMlp : Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")]
    private readonly LlamaLinear _gate;

    [ComponentName(Name = "up_proj")]
    private readonly LlamaLinear _up;

    [ComponentName(Name = "down_proj")]
    private readonly LlamaLinear _down;

    /// <summary>An MLP of <paramref name="config"/>'s widths.</summary>
    public LlamaMlp(LlamaConfig config) : base(nameof(LlamaMlp))
    {
        var std = config.InitializerRange;
        _gate = new LlamaLinear(config.HiddenSize, config.IntermediateSize, config.MlpBias, std);
        _up = new LlamaLinear(config.HiddenSize, config.IntermediateSize, config.MlpBias, std);
        _down = new LlamaLinear(config.IntermediateSize, config.HiddenSize, config.MlpBias, std);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => _down.call(functional.silu(_gate.call(x)) * _up.call(x));
}
