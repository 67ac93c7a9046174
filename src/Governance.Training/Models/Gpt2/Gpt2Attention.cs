using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>GPT-2's causal self-attention: c_attn makes q, k and v in one product, scaled dot-product attention mixes them.</summary>
public sealed class Gpt2Attention : Module<Tensor, Tensor>
{
    [ComponentName(Name = "c_attn")]
    private readonly Conv1D _qkv;

    [ComponentName(Name = "c_proj")]
    private readonly Conv1D _output;

    private readonly int _heads;
    private readonly double _attentionDropout;
    private readonly double _residualDropout;

    /// <summary>An attention layer of <paramref name="config"/>'s width and head count.</summary>
    public Gpt2Attention(Gpt2Config config) : base(nameof(Gpt2Attention))
    {
        _heads = config.HeadCount;
        _attentionDropout = config.AttentionDropout;
        _residualDropout = config.ResidualDropout;
        _qkv = new Conv1D(config.EmbeddingSize, 3 * config.EmbeddingSize);
        _output = new Conv1D(config.EmbeddingSize, config.EmbeddingSize, Gpt2Block.ResidualInitStd(config));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => Forward(x, null, 0);

    /// <summary>Attends over <paramref name="x"/> and, when there is a cache, over the positions it holds for <paramref name="layer"/>.</summary>
    internal Tensor Forward(Tensor x, KeyValueCache? cache, int layer)
    {
        var (batch, time, width) = (x.shape[0], x.shape[1], x.shape[2]);
        var causal = KeyValueCache.IsCausal(cache, time);
        // c_attn's output is [q | k | v], each split into heads: view it so dimension 2 picks q, k or v.
        var qkv = _qkv.call(x).view(batch, time, 3, _heads, width / _heads).permute(2, 0, 3, 1, 4);
        var (keys, values) = cache?.Append(layer, qkv[1], qkv[2]) ?? (qkv[1], qkv[2]);
        var attended = functional.scaled_dot_product_attention(qkv[0], keys, values,
            p: training ? _attentionDropout : 0, is_casual: causal);
        var output = _output.call(attended.transpose(1, 2).reshape(batch, time, width));
        return functional.dropout(output, _residualDropout, training);
    }
}
