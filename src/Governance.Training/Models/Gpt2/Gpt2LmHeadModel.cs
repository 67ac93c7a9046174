using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Gpt2;

/// <summary>
/// GPT-2 with its language-model head, parameter names as in transformers' GPT2LMHeadModel ("transformer.h.0.attn.c_attn.weight").
/// With tied embeddings the head reuses transformer.wte.weight and owns no parameter, as in a saved HF checkpoint.
/// </summary>
public sealed class Gpt2LmHeadModel : Module<Tensor, Tensor>, ICachedCausalLm
{
    [ComponentName(Name = "transformer")]
    private readonly Gpt2Model _body;

    [ComponentName(Name = "lm_head")]
    private readonly Linear? _head;

    /// <summary>A freshly initialised model of <paramref name="config"/>'s sizes.</summary>
    public Gpt2LmHeadModel(Gpt2Config config) : base(nameof(Gpt2LmHeadModel))
    {
        Config = config;
        _body = new Gpt2Model(config);
        if (!config.TieWordEmbeddings)
        {
            _head = Linear(config.EmbeddingSize, config.VocabSize, hasBias: false);
            using (no_grad()) init.normal_(_head.weight!, 0, 0.02);
        }
        RegisterComponents();
    }

    /// <summary>The sizes the model was built with.</summary>
    public Gpt2Config Config { get; }

    /// <summary>Logits [batch, time, vocab] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor inputIds) => Logits(_body.call(inputIds));

    /// <inheritdoc />
    public int CachedLayers => _body.LayerCount;

    /// <inheritdoc />
    public Tensor Forward(Tensor inputIds, KeyValueCache cache) => Logits(_body.Forward(inputIds, cache));

    private Tensor Logits(Tensor hidden) => _head is null ? functional.linear(hidden, _body.TokenEmbedding) : _head.call(hidden);
}
