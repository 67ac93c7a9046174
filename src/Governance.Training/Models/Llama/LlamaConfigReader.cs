using System.Text.Json.Nodes;

namespace Governance.Training.Models.Llama;

/// <summary>
/// Reads a Llama-family config.json with transformers' defaults, refusing any setting this implementation would compute
/// differently (rope scaling, a sliding window in use, another activation) by file and field.
/// </summary>
public static class LlamaConfigReader
{
    /// <summary>The model_type values this architecture serves.</summary>
    public static readonly IReadOnlyList<string> ModelTypes = ["llama", "qwen2", "mistral"];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static LlamaConfig Read(string path) => Read(ConfigJson.Read(path));

    /// <summary>Reads and checks an already parsed config.</summary>
    public static LlamaConfig Read(ConfigJson json)
    {
        var modelType = json.String("model_type") ?? throw json.Fault("model_type", "is missing");
        if (!ModelTypes.Contains(modelType))
            throw json.Fault("model_type", $"'{modelType}' is not a Llama-family type ({string.Join(", ", ModelTypes)})");
        var activation = json.String("hidden_act") ?? "silu";
        if (activation is not ("silu" or "swish"))
            throw json.Fault("hidden_act", $"'{activation}' is not supported; the Llama family uses silu");
        RefuseRopeScaling(json);
        // Checkpoints converted from nanotron (SmolLM2) state the rotation layout; only transformers' rotate_half is implemented.
        if (json.Bool("rope_interleaved") == true)
            throw json.Fault("rope_interleaved", "is true; only the non-interleaved (rotate_half) rotation is implemented");
        var hidden = json.RequiredInt("hidden_size");
        var heads = json.RequiredInt("num_attention_heads");
        var contextLength = json.RequiredInt("max_position_embeddings");
        RefuseSlidingWindow(json, modelType, contextLength);
        var attentionBias = json.Bool("attention_bias") ?? false;
        return Validated(json, new LlamaConfig
        {
            ModelType = modelType,
            VocabSize = json.RequiredInt("vocab_size"),
            HiddenSize = hidden,
            IntermediateSize = json.RequiredInt("intermediate_size"),
            LayerCount = json.RequiredInt("num_hidden_layers"),
            HeadCount = heads,
            KeyValueHeadCount = json.Int("num_key_value_heads") ?? heads,
            HeadSize = json.Int("head_dim") ?? DefaultHeadSize(json, hidden, heads),
            ContextLength = contextLength,
            RmsNormEpsilon = json.Double("rms_norm_eps") ?? 1e-6,
            RopeTheta = json.Double("rope_theta") ?? NestedRopeTheta(json) ?? 10000,
            TieWordEmbeddings = json.Bool("tie_word_embeddings") ?? false,
            // Qwen2 always has q, k and v biases and no o bias; only llama reads attention_bias and mlp_bias.
            QkvBias = modelType == "qwen2" || (modelType == "llama" && attentionBias),
            OutputBias = modelType == "llama" && attentionBias,
            MlpBias = modelType == "llama" && (json.Bool("mlp_bias") ?? false),
            AttentionDropout = json.Double("attention_dropout") ?? 0,
            InitializerRange = json.Double("initializer_range") ?? 0.02,
            TorchDtype = json.String("torch_dtype") ?? json.String("dtype"),
            BosTokenId = json.Int("bos_token_id"),
            EosTokenIds = json.Ints("eos_token_id"),
        });
    }

    private static int DefaultHeadSize(ConfigJson json, int hidden, int heads)
    {
        if (heads <= 0) throw json.Fault("num_attention_heads", $"{heads} must be positive");
        return hidden % heads == 0 ? hidden / heads
            : throw json.Fault("hidden_size", $"{hidden} is not divisible by num_attention_heads {heads} and head_dim is not given");
    }

    // transformers 5.x keeps rope_theta inside rope_parameters.
    private static double? NestedRopeTheta(ConfigJson json) =>
        (json.Node("rope_parameters") as JsonObject)?["rope_theta"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<double>(out var theta) => theta,
            _ => throw json.Fault("rope_parameters", "has a rope_theta that is not a number"),
        };

    // transformers 4.x writes rope_scaling, 5.x rope_parameters; only the plain ("default") rotation is implemented.
    private static void RefuseRopeScaling(ConfigJson json)
    {
        foreach (var field in new[] { "rope_scaling", "rope_parameters" })
        {
            if (json.Node(field) is not { } node) continue;
            var kind = node is JsonObject settings ? (string?)(settings["rope_type"] ?? settings["type"]) ?? "default" : "?";
            if (kind != "default")
                throw json.Fault(field, $"type '{kind}' is not supported; only plain RoPE (rope_scaling null) is implemented");
        }
    }

    private static void RefuseSlidingWindow(ConfigJson json, string modelType, int contextLength)
    {
        if (json.Bool("use_sliding_window") == true)
            throw json.Fault("use_sliding_window", "is true; sliding-window attention is not implemented");
        if (json.Node("layer_types") is JsonArray layerTypes && layerTypes.Any(type => (string?)type != "full_attention"))
            throw json.Fault("layer_types", "lists layers other than full_attention; sliding-window attention is not implemented");
        // Mistral applies its window whenever one is set (4096 when the field is absent); Qwen2 only with use_sliding_window.
        if (modelType != "mistral") return;
        var window = json.Contains("sliding_window") ? json.Int("sliding_window") : 4096;
        if (window is { } size && size < contextLength)
            throw json.Fault("sliding_window", $"{size} is shorter than max_position_embeddings {contextLength}; sliding-window attention is not implemented");
    }

    private static LlamaConfig Validated(ConfigJson json, LlamaConfig config)
    {
        (string Field, int Value)[] sizes = [("vocab_size", config.VocabSize), ("hidden_size", config.HiddenSize),
            ("intermediate_size", config.IntermediateSize), ("num_hidden_layers", config.LayerCount), ("num_attention_heads", config.HeadCount),
            ("num_key_value_heads", config.KeyValueHeadCount), ("head_dim", config.HeadSize), ("max_position_embeddings", config.ContextLength)];
        foreach (var (field, value) in sizes.Where(size => size.Value <= 0)) throw json.Fault(field, $"{value} must be positive");
        if (config.HeadCount % config.KeyValueHeadCount != 0)
            throw json.Fault("num_key_value_heads", $"{config.KeyValueHeadCount} does not divide num_attention_heads {config.HeadCount}");
        if (config.HeadSize % 2 != 0) throw json.Fault("head_dim", $"{config.HeadSize} must be even for rotary embeddings");
        if (config.RmsNormEpsilon <= 0) throw json.Fault("rms_norm_eps", "must be positive");
        if (config.RopeTheta <= 0) throw json.Fault("rope_theta", "must be positive");
        if (config.AttentionDropout is < 0 or >= 1) throw json.Fault("attention_dropout", "must lie in [0, 1)");
        return config;
    }
}
