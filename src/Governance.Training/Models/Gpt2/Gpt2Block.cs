using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>One pre-norm transformer block: x + attn(ln_1(x)), then + mlp(ln_2(x)).</summary>
public sealed class Gpt2Block : Module<Tensor, Tensor>
{
    [ComponentName(Name = "ln_1")]
    private readonly LayerNorm _attentionNorm;

    [ComponentName(Name = "attn")]
    private readonly Gpt2Attention _attention;

    [ComponentName(Name = "ln_2")]
    private readonly LayerNorm _mlpNorm;

    [ComponentName(Name = "mlp")]
    private readonly Gpt2Mlp _mlp;

    /// <summary>A block of <paramref name="config"/>'s sizes.</summary>
    public Gpt2Block(Gpt2Config config) : base(nameof(Gpt2Block))
    {
        _attentionNorm = LayerNorm(config.EmbeddingSize, config.LayerNormEpsilon);
        _attention = new Gpt2Attention(config);
        _mlpNorm = LayerNorm(config.EmbeddingSize, config.LayerNormEpsilon);
        _mlp = new Gpt2Mlp(config);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => Forward(x, null, 0);

    /// <summary>The block's output, its attention continuing from <paramref name="cache"/> when there is one.</summary>
    internal Tensor Forward(Tensor x, KeyValueCache? cache, int layer)
    {
        var h = x + _attention.Forward(_attentionNorm.call(x), cache, layer);
        return h + _mlp.call(_mlpNorm.call(h));
    }

    /// <summary>
    /// GPT-2 draws the projections that write into the residual stream with a smaller spread, 0.02 / sqrt(2 * layers),
    /// so the stream's variance does not grow with depth.
    /// </summary>
    internal static double ResidualInitStd(Gpt2Config config) => 0.02 / Math.Sqrt(2.0 * config.LayerCount);
}
