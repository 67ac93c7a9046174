namespace Governance.Training.Models.Llama;

/// <summary>
/// The settings of a Llama-family <c>config.json</c> (model_type llama, qwen2 or mistral), as transformers reads them.
/// Read with <see cref="LlamaConfigReader"/>, written back with <see cref="LlamaConfigWriter"/>.
/// </summary>
public sealed record LlamaConfig
{
    /// <summary>"llama", "qwen2" or "mistral": decides the attention biases and the architecture name written back.</summary>
    public string ModelType { get; init; } = "llama";

    /// <summary>vocab_size: rows of the token embedding and of the head.</summary>
    public int VocabSize { get; init; }

    /// <summary>hidden_size: width of the residual stream.</summary>
    public int HiddenSize { get; init; }

    /// <summary>intermediate_size: width of the SwiGLU MLP.</summary>
    public int IntermediateSize { get; init; }

    /// <summary>num_hidden_layers.</summary>
    public int LayerCount { get; init; }

    /// <summary>num_attention_heads: query heads.</summary>
    public int HeadCount { get; init; }

    /// <summary>num_key_value_heads: key and value heads, each shared by HeadCount / KeyValueHeadCount query heads.</summary>
    public int KeyValueHeadCount { get; init; }

    /// <summary>head_dim: width of each head; hidden_size / num_attention_heads when the config has none.</summary>
    public int HeadSize { get; init; }

    /// <summary>max_position_embeddings: the longest sequence the model accepts.</summary>
    public int ContextLength { get; init; }

    /// <summary>rms_norm_eps.</summary>
    public double RmsNormEpsilon { get; init; } = 1e-6;

    /// <summary>rope_theta: the base of the rotary frequencies.</summary>
    public double RopeTheta { get; init; } = 10000;

    /// <summary>tie_word_embeddings: the head reuses model.embed_tokens.weight and lm_head.weight is absent.</summary>
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Biases on q_proj, k_proj and v_proj (attention_bias for llama; always for qwen2).</summary>
    public bool QkvBias { get; init; }

    /// <summary>A bias on o_proj (attention_bias for llama; never for qwen2).</summary>
    public bool OutputBias { get; init; }

    /// <summary>mlp_bias: biases on gate_proj, up_proj and down_proj.</summary>
    public bool MlpBias { get; init; }

    /// <summary>attention_dropout, applied to attention weights in training mode only.</summary>
    public double AttentionDropout { get; init; }

    /// <summary>initializer_range: the spread of freshly drawn weights.</summary>
    public double InitializerRange { get; init; } = 0.02;

    /// <summary>torch_dtype: the dtype the checkpoint's weights are stored in ("float32", "bfloat16", ...), when stated.</summary>
    public string? TorchDtype { get; init; }

    /// <summary>bos_token_id, when stated.</summary>
    public int? BosTokenId { get; init; }

    /// <summary>eos_token_id: one id or, as in some chat models, several.</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary>Query heads per key/value head.</summary>
    public int QueriesPerKeyValue => HeadCount / KeyValueHeadCount;
}
