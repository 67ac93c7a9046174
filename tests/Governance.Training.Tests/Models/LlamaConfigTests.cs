using System.Text.Json.Nodes;
using Governance.Training.Models.Llama;

namespace Governance.Training.Tests.Models;

public sealed class LlamaConfigTests
{
    [Fact]
    public void SmolLM2_135M_reads_with_its_grouped_heads_explicit_head_dim_and_tied_head()
    {
        var config = Read(RealModelConfigs.SmolLM2_135M);
        Assert.Equivalent(new LlamaConfig
        {
            ModelType = "llama", VocabSize = 49152, HiddenSize = 576, IntermediateSize = 1536, LayerCount = 30, HeadCount = 9,
            KeyValueHeadCount = 3, HeadSize = 64, ContextLength = 8192, RmsNormEpsilon = 1e-5, RopeTheta = 100000,
            TieWordEmbeddings = true, InitializerRange = 0.041666666666666664, TorchDtype = "bfloat16", BosTokenId = 0, EosTokenIds = [0],
        }, config, strict: true);
        Assert.Equal(3, config.QueriesPerKeyValue);
    }

    [Fact]
    public void TinyLlama_derives_head_dim_from_hidden_size_and_keeps_an_untied_head()
    {
        var config = Read(RealModelConfigs.TinyLlama_1_1B);
        Assert.Equal((2048, 32, 4, 64, 22, 5632), (config.HiddenSize, config.HeadCount, config.KeyValueHeadCount, config.HeadSize, config.LayerCount, config.IntermediateSize));
        Assert.False(config.TieWordEmbeddings);
        Assert.False(config.QkvBias || config.OutputBias || config.MlpBias);
        Assert.Equal([2], config.EosTokenIds);
    }

    [Fact]
    public void Qwen2_5_has_q_k_v_biases_without_an_o_bias_and_its_unused_sliding_window_is_accepted()
    {
        var config = Read(RealModelConfigs.Qwen2_5_0_5B);
        Assert.Equal(("qwen2", true, false, 1_000_000.0, 64, 7), (config.ModelType, config.QkvBias, config.OutputBias, config.RopeTheta, config.HeadSize, config.QueriesPerKeyValue));
    }

    [Fact]
    public void Eos_token_id_may_be_a_list()
    {
        Assert.Equal([128001, 128009], Read(TinyConfig(json => json["eos_token_id"] = new JsonArray(128001, 128009))).EosTokenIds);
    }

    [Fact]
    public void A_transformers_5_config_gives_rope_theta_inside_rope_parameters_and_the_dtype_as_dtype()
    {
        var config = Read(TinyConfig(json =>
        {
            json.Remove("rope_theta");
            json.Remove("torch_dtype");
            json["rope_parameters"] = new JsonObject { ["rope_type"] = "default", ["rope_theta"] = 500000.0 };
            json["dtype"] = "bfloat16";
        }));
        Assert.Equal((500000.0, "bfloat16"), (config.RopeTheta, config.TorchDtype));
    }

    [Theory]
    [InlineData("rope_scaling", """{"rope_type": "linear", "factor": 2.0}""", "rope_scaling type 'linear' is not supported")]
    [InlineData("rope_scaling", """{"type": "dynamic", "factor": 2.0}""", "rope_scaling type 'dynamic' is not supported")]
    [InlineData("rope_parameters", """{"rope_type": "llama3", "rope_theta": 500000}""", "rope_parameters type 'llama3' is not supported")]
    [InlineData("hidden_act", "\"gelu\"", "hidden_act 'gelu' is not supported")]
    [InlineData("rope_interleaved", "true", "rope_interleaved is true")]
    [InlineData("use_sliding_window", "true", "use_sliding_window is true")]
    [InlineData("num_key_value_heads", "3", "num_key_value_heads 3 does not divide num_attention_heads 4")]
    [InlineData("head_dim", "7", "head_dim 7 must be even")]
    [InlineData("model_type", "\"gemma\"", "model_type 'gemma' is not a Llama-family type")]
    [InlineData("hidden_size", "\"32\"", "hidden_size must be a whole number")]
    public void What_is_not_implemented_is_refused_naming_config_json_and_the_field(string field, string value, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(TinyConfig(json => json[field] = JsonNode.Parse(value))));
        Assert.StartsWith("config.json: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_missing_size_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(TinyConfig(json => json.Remove("intermediate_size"))));
        Assert.Equal("config.json: intermediate_size is missing.", error.Message);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(8, true)]
    [InlineData(16, false)]
    public void Mistral_is_accepted_only_when_its_sliding_window_is_off_or_spans_the_whole_context(int? window, bool refused)
    {
        var text = TinyConfig(json =>
        {
            json["model_type"] = "mistral";
            json["sliding_window"] = window;
        });
        if (refused) Assert.Contains("config.json: sliding_window 8 is shorter than max_position_embeddings 16", Assert.Throws<InvalidDataException>(() => Read(text)).Message);
        else Assert.Equal("mistral", Read(text).ModelType);
    }

    [Fact]
    public void A_mistral_config_without_sliding_window_gets_transformers_default_of_4096_and_is_refused()
    {
        var text = TinyConfig(json =>
        {
            json["model_type"] = "mistral";
            json["max_position_embeddings"] = 32768;
        });
        Assert.Contains("sliding_window 4096", Assert.Throws<InvalidDataException>(() => Read(text)).Message);
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("qwen2")]
    [InlineData("mistral")]
    public void A_written_config_reads_back_equal(string modelType)
    {
        using var folder = new TempFolder();
        var config = TinyLlama.Config with { ModelType = modelType, QkvBias = modelType == "qwen2", TorchDtype = "bfloat16", EosTokenIds = [2, 5] };
        LlamaConfigWriter.Write(config, folder.File("config.json"));
        Assert.Equivalent(config, LlamaConfigReader.Read(folder.File("config.json")), strict: true);
    }

    private static LlamaConfig Read(string text)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), text);
        return LlamaConfigReader.Read(folder.File("config.json"));
    }

    private static string TinyConfig(Action<JsonObject> change)
    {
        var json = LlamaConfigWriter.ToJson(TinyLlama.Config);
        change(json);
        return json.ToJsonString();
    }
}
