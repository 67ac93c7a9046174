using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>
/// Causal self-attention with rotary positions and grouped-query heads: each key/value head serves
/// num_attention_heads / num_key_value_heads query heads. Scaled dot-product attention takes the flash path on CUDA in
/// bf16.
/// </summary>
public sealed class LlamaAttention : Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "q_proj")]
    private readonly LlamaLinear _query;

    [ComponentName(Name = "k_proj")]
    private readonly LlamaLinear _key;

    [ComponentName(Name = "v_proj")]
    private readonly LlamaLinear _value;

    [ComponentName(Name = "o_proj")]
    private readonly LlamaLinear _output;

    private readonly int _heads;
    private readonly int _keyValueHeads;
    private readonly int _headSize;
    private readonly double _dropout;

    /// <summary>An attention layer of <paramref name="config"/>'s widths and head counts.</summary>
    public LlamaAttention(LlamaConfig config) : base(nameof(LlamaAttention))
    {
        (_heads, _keyValueHeads, _headSize, _dropout) = (config.HeadCount, config.KeyValueHeadCount, config.HeadSize, config.AttentionDropout);
        var std = config.InitializerRange;
        _query = new LlamaLinear(config.HiddenSize, _heads * _headSize, config.QkvBias, std);
        _key = new LlamaLinear(config.HiddenSize, _keyValueHeads * _headSize, config.QkvBias, std);
        _value = new LlamaLinear(config.HiddenSize, _keyValueHeads * _headSize, config.QkvBias, std);
        _output = new LlamaLinear(_heads * _headSize, config.HiddenSize, config.OutputBias, std);
        RegisterComponents();
    }

    /// <summary>Attends over <paramref name="x"/> [batch, time, hidden] with the rotation angles of its positions.</summary>
    public override Tensor forward(Tensor x, Tensor cos, Tensor sin) => Forward(x, cos, sin, null, 0);

    /// <summary>Attends over <paramref name="x"/> and, when there is a cache, over the positions it holds for <paramref name="layer"/>.</summary>
    internal Tensor Forward(Tensor x, Tensor cos, Tensor sin, KeyValueCache? cache, int layer)
    {
        var (batch, time) = (x.shape[0], x.shape[1]);
        var causal = KeyValueCache.IsCausal(cache, time);
        var q = RotaryEmbedding.Apply(Heads(_query.call(x), _heads), cos, sin);
        var k = RotaryEmbedding.Apply(Heads(_key.call(x), _keyValueHeads), cos, sin);
        var v = Heads(_value.call(x), _keyValueHeads);
        (k, v) = cache?.Append(layer, k, v) ?? (k, v);
        var attended = functional.scaled_dot_product_attention(q, Shared(k), Shared(v), p: training ? _dropout : 0, is_casual: causal);
        return _output.call(attended.transpose(1, 2).reshape(batch, time, _heads * _headSize));
    }

    private Tensor Heads(Tensor projected, int heads) =>
        projected.view(projected.shape[0], projected.shape[1], heads, _headSize).transpose(1, 2);

    // transformers' repeat_kv: key/value head j serves query heads j * n_rep .. (j + 1) * n_rep - 1.
    private Tensor Shared(Tensor keyOrValue) =>
        _heads == _keyValueHeads ? keyOrValue : keyOrValue.repeat_interleave(_heads / _keyValueHeads, 1);
}
