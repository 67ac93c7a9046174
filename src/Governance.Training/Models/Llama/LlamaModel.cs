using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>The Llama body ("model"): token embedding, the decoder layers, the final RMSNorm.</summary>
public sealed class LlamaModel : Module<Tensor, Tensor>
{
    [ComponentName(Name = "embed_tokens")]
    private readonly Embedding _tokens;

    [ComponentName(Name = "layers")]
    private readonly ModuleList<LlamaDecoderLayer> _layers;

    [ComponentName(Name = "norm")]
    private readonly LlamaRmsNorm _finalNorm;

    private readonly RotaryEmbedding _rotary;
    private readonly int _contextLength;

    /// <summary>A freshly initialised body of <paramref name="config"/>'s sizes.</summary>
    public LlamaModel(LlamaConfig config) : base(nameof(LlamaModel))
    {
        _contextLength = config.ContextLength;
        _rotary = new RotaryEmbedding(config.HeadSize, config.RopeTheta);
        _tokens = Embedding(config.VocabSize, config.HiddenSize);
        using (no_grad()) init.normal_(_tokens.weight!, 0, config.InitializerRange);
        _layers = ModuleList(Enumerable.Range(0, config.LayerCount).Select(_ => new LlamaDecoderLayer(config)).ToArray());
        _finalNorm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEpsilon);
        RegisterComponents();
    }

    /// <summary>The token embedding [vocab, hidden], which a tied head also uses as its output projection.</summary>
    public Parameter TokenEmbedding => _tokens.weight!;

    /// <summary>Decoder layers.</summary>
    public int LayerCount => _layers.Count;

    /// <summary>Hidden states [batch, time, hidden] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor inputIds) => Forward(inputIds, null);

    /// <summary>Hidden states for token ids at the positions after those <paramref name="cache"/> holds (from 0 without one).</summary>
    internal Tensor Forward(Tensor inputIds, KeyValueCache? cache)
    {
        var (start, time) = (cache?.Length ?? 0, inputIds.shape[1]);
        if (start + time > _contextLength)
            throw new ArgumentException($"A sequence of {start + time} tokens exceeds the model's max_position_embeddings {_contextLength}.", nameof(inputIds));
        var x = _tokens.call(inputIds);
        var (cos, sin) = _rotary.Angles(start, time, x.device, x.dtype);
        for (var layer = 0; layer < _layers.Count; layer++) x = _layers[layer].Forward(x, cos, sin, cache, layer);
        cache?.Advance(time);
        return _finalNorm.call(x);
    }
}
