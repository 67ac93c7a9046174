using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>GPT-2's feed-forward layer: c_fc, GELU with the tanh approximation ("gelu_new"), c_proj.</summary>
public sealed class Gpt2Mlp : Module<Tensor, Tensor>
{
    [ComponentName(Name = "c_fc")]
    private readonly Conv1D _up;

    [ComponentName(Name = "c_proj")]
    private readonly Conv1D _down;

    private readonly double _residualDropout;

    /// <summary>An MLP of <paramref name="config"/>'s widths.</summary>
    public Gpt2Mlp(Gpt2Config config) : base(nameof(Gpt2Mlp))
    {
        _residualDropout = config.ResidualDropout;
        _up = new Conv1D(config.EmbeddingSize, config.MlpSize);
        _down = new Conv1D(config.MlpSize, config.EmbeddingSize, Gpt2Block.ResidualInitStd(config));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => functional.dropout(
        _down.call(functional.gelu(_up.call(x), TorchSharp.Modules.GELU.Approximate.tanh)), _residualDropout, training);
}
