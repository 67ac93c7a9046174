using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>One pre-norm decoder layer: x + self_attn(input_layernorm(x)), then + mlp(post_attention_layernorm(x)).</summary>
public sealed class LlamaDecoderLayer : Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "input_layernorm")]
    private readonly LlamaRmsNorm _attentionNorm;

    [ComponentName(Name = "self_attn")]
    private readonly LlamaAttention _attention;

    [ComponentName(Name = "post_attention_layernorm")]
    private readonly LlamaRmsNorm _mlpNorm;

    [ComponentName(Name = "mlp")]
    private readonly LlamaMlp _mlp;

    /// <summary>A layer of <paramref name="config"/>'s sizes.</summary>
    public LlamaDecoderLayer(LlamaConfig config) : base(nameof(LlamaDecoderLayer))
    {
        _attentionNorm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEpsilon);
        _attention = new LlamaAttention(config);
        _mlpNorm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEpsilon);
        _mlp = new LlamaMlp(config);
        RegisterComponents();
    }

    /// <summary>The layer's output for hidden states <paramref name="x"/> and the rotation angles of their positions.</summary>
    public override Tensor forward(Tensor x, Tensor cos, Tensor sin) => Forward(x, cos, sin, null, 0);

    /// <summary>The layer's output, its attention continuing from <paramref name="cache"/> when there is one.</summary>
    internal Tensor Forward(Tensor x, Tensor cos, Tensor sin, KeyValueCache? cache, int layer)
    {
        var h = x + _attention.Forward(_attentionNorm.call(x), cos, sin, cache, layer);
        return h + _mlp.call(_mlpNorm.call(h));
    }
}
