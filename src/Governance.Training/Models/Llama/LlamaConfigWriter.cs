using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Training.Models.Llama;

/// <summary>Writes a <see cref="LlamaConfig"/> as the config.json transformers writes for its model type.</summary>
public static class LlamaConfigWriter
{
    /// <summary>Writes <paramref name="config"/> to <paramref name="path"/>.</summary>
    public static void Write(LlamaConfig config, string path) =>
        File.WriteAllText(path, ToJson(config).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The JSON object of <paramref name="config"/>, with the fields its model type reads.</summary>
    public static JsonObject ToJson(LlamaConfig config)
    {
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray(ArchitectureName(config.ModelType)),
            ["model_type"] = config.ModelType,
            ["hidden_act"] = "silu",
            ["vocab_size"] = config.VocabSize,
            ["hidden_size"] = config.HiddenSize,
            ["intermediate_size"] = config.IntermediateSize,
            ["num_hidden_layers"] = config.LayerCount,
            ["num_attention_heads"] = config.HeadCount,
            ["num_key_value_heads"] = config.KeyValueHeadCount,
            ["head_dim"] = config.HeadSize,
            ["max_position_embeddings"] = config.ContextLength,
            ["rms_norm_eps"] = config.RmsNormEpsilon,
            ["rope_theta"] = config.RopeTheta,
            ["rope_scaling"] = null,
            ["tie_word_embeddings"] = config.TieWordEmbeddings,
            ["attention_dropout"] = config.AttentionDropout,
            ["initializer_range"] = config.InitializerRange,
            ["torch_dtype"] = config.TorchDtype,
            ["bos_token_id"] = config.BosTokenId,
            ["eos_token_id"] = config.EosTokenIds.Count switch
            {
                0 => null,
                1 => config.EosTokenIds[0],
                _ => new JsonArray([.. config.EosTokenIds.Select(id => JsonValue.Create(id))]),
            },
        };
        switch (config.ModelType)
        {
            case "llama":
                json["attention_bias"] = config.QkvBias;
                json["mlp_bias"] = config.MlpBias;
                break;
            case "qwen2":
                json["use_sliding_window"] = false;
                break;
            case "mistral":
                json["sliding_window"] = null;
                break;
        }
        return json;
    }

    private static string ArchitectureName(string modelType) => modelType switch
    {
        "qwen2" => "Qwen2ForCausalLM",
        "mistral" => "MistralForCausalLM",
        _ => "LlamaForCausalLM",
    };
}
