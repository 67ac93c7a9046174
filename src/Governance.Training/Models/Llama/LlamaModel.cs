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

    /// <summary>Hidden states [batch, time, hidden] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor inputIds)
    {
        var time = inputIds.shape[1];
        if (time > _contextLength)
            throw new ArgumentException($"A sequence of {time} tokens exceeds the model's max_position_embeddings {_contextLength}.", nameof(inputIds));
        var x = _tokens.call(inputIds);
        var (cos, sin) = _rotary.Angles(time, x.device, x.dtype);
        foreach (var layer in _layers) x = layer.call(x, cos, sin);
        return _finalNorm.call(x);
    }
}
