using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>GPT-2's body ("transformer"): token and position embeddings, the blocks, the final layer norm.</summary>
public sealed class Gpt2Model : Module<Tensor, Tensor>
{
    [ComponentName(Name = "wte")]
    private readonly Embedding _tokens;

    [ComponentName(Name = "wpe")]
    private readonly Embedding _positions;

    [ComponentName(Name = "h")]
    private readonly ModuleList<Gpt2Block> _blocks;

    [ComponentName(Name = "ln_f")]
    private readonly LayerNorm _finalNorm;

    private readonly int _contextLength;
    private readonly double _embeddingDropout;

    /// <summary>A freshly initialised body of <paramref name="config"/>'s sizes.</summary>
    public Gpt2Model(Gpt2Config config) : base(nameof(Gpt2Model))
    {
        _contextLength = config.ContextLength;
        _embeddingDropout = config.EmbeddingDropout;
        _tokens = Embedding(config.VocabSize, config.EmbeddingSize);
        _positions = Embedding(config.ContextLength, config.EmbeddingSize);
        using (no_grad())
        {
            init.normal_(_tokens.weight!, 0, 0.02);
            init.normal_(_positions.weight!, 0, 0.01);
        }
        _blocks = ModuleList(Enumerable.Range(0, config.LayerCount).Select(_ => new Gpt2Block(config)).ToArray());
        _finalNorm = LayerNorm(config.EmbeddingSize, config.LayerNormEpsilon);
        RegisterComponents();
    }

    /// <summary>The token embedding [vocab, d], which a tied head also uses as its output projection.</summary>
    public Parameter TokenEmbedding => _tokens.weight!;

    /// <summary>Transformer blocks.</summary>
    public int LayerCount => _blocks.Count;

    /// <summary>Hidden states [batch, time, d] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor inputIds) => Forward(inputIds, null);

    /// <summary>Hidden states for token ids at the positions after those <paramref name="cache"/> holds (from 0 without one).</summary>
    internal Tensor Forward(Tensor inputIds, KeyValueCache? cache)
    {
        var (start, time) = (cache?.Length ?? 0, inputIds.shape[1]);
        if (start + time > _contextLength)
            throw new ArgumentException($"A sequence of {start + time} tokens exceeds the model's n_positions {_contextLength}.", nameof(inputIds));
        var positions = arange(start, start + time, dtype: ScalarType.Int64, device: inputIds.device);
        var x = functional.dropout(_tokens.call(inputIds) + _positions.call(positions), _embeddingDropout, training);
        for (var layer = 0; layer < _blocks.Count; layer++) x = _blocks[layer].Forward(x, cache, layer);
        cache?.Advance(time);
        return _finalNorm.call(x);
    }
}
