using System.Text.Json.Nodes;
using Governance.Training.Models;
using Governance.Training.Models.Gpt2;
using Governance.Training.Models.Llama;
using Governance.Training.Safetensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

public sealed class CausalLmCheckpointTests
{
    public static TheoryData<string> Models => ["llama", "qwen2", "gpt2"];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_saved_model_loads_back_through_the_loader_with_bit_identical_weights_and_logits(string kind)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = Create(kind);
        CausalLmCheckpoint.Save(model, folder.Path);

        using var loaded = CausalLmCheckpoint.Load(folder.Path);

        Assert.IsType(model.GetType(), loaded);
        var expected = model.named_parameters().ToList();
        Assert.Equal(expected.Select(p => p.name), loaded.named_parameters().Select(p => p.name));
        foreach (var ((_, original), (_, reloaded)) in expected.Zip(loaded.named_parameters())) TensorAssert.BitEqual(original, reloaded);
        var tokens = TinyLlama.Tokens(seed: 9);
        TensorAssert.BitEqual(model.call(tokens), loaded.call(tokens));
        Assert.Equal("pt", SafetensorsFile.Open(folder.File("model.safetensors")).Metadata["format"]);
    }

    [Fact]
    public void The_saved_files_carry_the_Hugging_Face_names_and_no_lm_head_when_tied()
    {
        using var folder = new TempFolder();
        using var model = TinyLlama.Create(config: TinyLlama.Qwen2Config);
        CausalLmCheckpoint.Save(model, folder.Path);

        var names = SafetensorsFile.Open(folder.File("model.safetensors")).Entries.Keys.ToList();
        var config = JsonNode.Parse(File.ReadAllText(folder.File("config.json")))!;

        Assert.Contains("model.layers.1.self_attn.k_proj.bias", names);
        Assert.DoesNotContain("lm_head.weight", names);
        Assert.Equal(model.named_parameters().Select(p => p.name).Order(), names.Order());
        Assert.Equal(("qwen2", "Qwen2ForCausalLM", "float32"), ((string?)config["model_type"], (string?)config["architectures"]![0], (string?)config["torch_dtype"]));
    }

    [Fact]
    public void A_sharded_checkpoint_with_an_index_loads_the_same_as_the_single_file()
    {
        using var scope = NewDisposeScope();
        using var single = new TempFolder();
        using var sharded = new TempFolder();
        using var model = TinyLlama.Create();
        CausalLmCheckpoint.Save(model, single.Path);
        WriteShards(model, sharded.Path);

        using var fromSingle = CausalLmCheckpoint.Load(single.Path);
        using var fromShards = CausalLmCheckpoint.Load(sharded.Path);

        var tokens = TinyLlama.Tokens(seed: 10);
        TensorAssert.BitEqual(fromSingle.call(tokens), fromShards.call(tokens));
    }

    [Fact]
    public void A_bf16_checkpoint_loads_into_the_dtype_asked_for_and_saves_as_bf16()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var resaved = new TempFolder();
        using var model = TinyLlama.Create();
        model.to(ScalarType.BFloat16);
        CausalLmCheckpoint.Save(model, folder.Path);

        using var asFloat = CausalLmCheckpoint.Load(folder.Path);
        using var asBf16 = CausalLmCheckpoint.Load(folder.Path, ScalarType.BFloat16);
        CausalLmCheckpoint.Save(asBf16, resaved.Path);

        Assert.All(asFloat.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.All(asBf16.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.dtype));
        Assert.Equal(File.ReadAllBytes(folder.File("model.safetensors")), File.ReadAllBytes(resaved.File("model.safetensors")));
        Assert.Contains("\"torch_dtype\": \"bfloat16\"", File.ReadAllText(resaved.File("config.json")));
    }

    [Fact]
    public void Old_rotary_buffers_and_a_duplicate_tied_head_in_the_file_are_ignored()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = TinyLlama.Create(config: TinyLlama.Qwen2Config);
        var tensors = ModuleWeights.ToSafetensors(model);
        tensors["model.layers.0.self_attn.rotary_emb.inv_freq"] = ones(4).ToSafetensors();
        tensors["lm_head.weight"] = tensors["model.embed_tokens.weight"];
        LlamaConfigWriter.Write(model.Config, folder.File("config.json"));
        SafetensorsWriter.Write(folder.File("model.safetensors"), tensors);

        using var loaded = CausalLmCheckpoint.Load(folder.Path);

        var tokens = TinyLlama.Tokens(seed: 11);
        TensorAssert.BitEqual(model.call(tokens), loaded.call(tokens));
    }

    [Fact]
    public void A_missing_weight_is_refused_naming_the_file_and_the_tensor()
    {
        using var folder = new TempFolder();
        using var model = TinyLlama.Create();
        CausalLmCheckpoint.Save(model, folder.Path);
        var tensors = SafetensorsFile.Open(folder.File("model.safetensors")).ReadAll();
        tensors.Remove("model.layers.1.mlp.up_proj.weight");
        SafetensorsWriter.Write(folder.File("model.safetensors"), tensors);

        var error = Assert.Throws<InvalidDataException>(() => CausalLmCheckpoint.Load(folder.Path));

        Assert.Equal("model.safetensors: The checkpoint lacks tensor 'model.layers.1.mlp.up_proj.weight'.", error.Message);
    }

    [Theory]
    [InlineData("""{"n_embd": 64}""", "config.json: model_type is missing.")]
    [InlineData("""{"model_type": "gemma"}""", "config.json: model_type 'gemma' is not supported; use one of gpt2, llama, qwen2, mistral.")]
    [InlineData("""{"model_type": "llama", "hidden_size": 32}""", "config.json: num_attention_heads is missing.")]
    public void An_unusable_config_is_refused_naming_config_json_and_the_field(string config, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), config);
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => CausalLmCheckpoint.Load(folder.Path)).Message);
    }

    [Fact]
    public void A_folder_without_config_json_is_refused_by_name()
    {
        using var folder = new TempFolder();
        Assert.Contains("no config.json", Assert.Throws<FileNotFoundException>(() => CausalLmCheckpoint.Load(folder.Path)).Message);
    }

    private static nn.Module<Tensor, Tensor> Create(string kind) => kind switch
    {
        "gpt2" => TinyGpt2.Create(config: TinyGpt2.Config with { VocabSize = 97 }),
        "qwen2" => TinyLlama.Create(config: TinyLlama.Qwen2Config),
        _ => TinyLlama.Create(),
    };

    // Splits the weights over two files, layer 1 in the second, as transformers' save_pretrained shards large models.
    private static void WriteShards(LlamaForCausalLM model, string directory)
    {
        var tensors = ModuleWeights.ToSafetensors(model);
        var shardOf = tensors.Keys.ToDictionary(name => name, name => name.StartsWith("model.layers.1.", StringComparison.Ordinal)
            ? "model-00002-of-00002.safetensors" : "model-00001-of-00002.safetensors");
        foreach (var shard in shardOf.Values.Distinct())
            SafetensorsWriter.Write(Path.Combine(directory, shard), tensors.Where(t => shardOf[t.Key] == shard).ToDictionary(), Gpt2Checkpoint.Metadata);
        var index = new JsonObject
        {
            ["metadata"] = new JsonObject { ["total_size"] = tensors.Values.Sum(t => t.Data.LongLength) },
            ["weight_map"] = new JsonObject([.. shardOf.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]),
        };
        File.WriteAllText(Path.Combine(directory, SafetensorsCheckpoint.IndexFileName), index.ToJsonString());
        LlamaConfigWriter.Write(model.Config, Path.Combine(directory, "config.json"));
    }
}
