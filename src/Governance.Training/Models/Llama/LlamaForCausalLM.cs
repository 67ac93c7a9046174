using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Models.Llama;

/// <summary>
/// A Llama-family model (Llama, Qwen2, Mistral without sliding window) with its language-model head, parameter names as
/// in transformers ("model.layers.0.self_attn.q_proj.weight"). With tied embeddings the head reuses
/// model.embed_tokens.weight and owns no parameter, as in a saved checkpoint.
/// </summary>
public sealed class LlamaForCausalLM : Module<Tensor, Tensor>, ICachedCausalLm
{
    [ComponentName(Name = "model")]
    private readonly LlamaModel _body;

    [ComponentName(Name = "lm_head")]
    private readonly Linear? _head;

    /// <summary>A freshly initialised model of <paramref name="config"/>'s sizes.</summary>
    public LlamaForCausalLM(LlamaConfig config) : base(nameof(LlamaForCausalLM))
    {
        Config = config;
        _body = new LlamaModel(config);
        if (!config.TieWordEmbeddings)
        {
            _head = Linear(config.HiddenSize, config.VocabSize, hasBias: false);
            using (no_grad()) init.normal_(_head.weight!, 0, config.InitializerRange);
        }
        RegisterComponents();
    }

    /// <summary>The settings the model was built with.</summary>
    public LlamaConfig Config { get; }

    /// <summary>Logits [batch, time, vocab] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor inputIds) => Logits(_body.call(inputIds));

    /// <inheritdoc />
    public int CachedLayers => _body.LayerCount;

    /// <inheritdoc />
    public Tensor Forward(Tensor inputIds, KeyValueCache cache) => Logits(_body.Forward(inputIds, cache));

    private Tensor Logits(Tensor hidden) => _head is null ? functional.linear(hidden, _body.TokenEmbedding) : _head.call(hidden);
}
