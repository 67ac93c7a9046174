using System.Text.Json.Nodes;
using Governance.Training.Lora;
using Governance.Training.Safetensors;
using Governance.Training.Tests.Models;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Lora;

public sealed class LoraCheckpointTests
{
    [Fact]
    public void Saved_adapter_files_have_exactly_PEFTs_key_names_shapes_metadata_and_config_fields()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = LoraTestModels.WithTrainedAdapters();

        LoraCheckpoint.Save(model, LoraTestModels.Config, folder.Path);

        var weights = SafetensorsFile.Open(folder.File("adapter_model.safetensors"));
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt" }, weights.Metadata);
        Assert.Equal(
            ["base_model.model.transformer.h.0.attn.c_attn.lora_A.weight", "base_model.model.transformer.h.0.attn.c_attn.lora_B.weight",
             "base_model.model.transformer.h.1.attn.c_attn.lora_A.weight", "base_model.model.transformer.h.1.attn.c_attn.lora_B.weight"],
            weights.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(weights.Entries.Values, entry => Assert.Equal(SafetensorsDType.F32, entry.DType));
        Assert.Equal([8L, 64], weights.Entries["base_model.model.transformer.h.0.attn.c_attn.lora_A.weight"].Shape);
        Assert.Equal([192L, 8], weights.Entries["base_model.model.transformer.h.0.attn.c_attn.lora_B.weight"].Shape);

        var config = JsonNode.Parse(File.ReadAllText(folder.File("adapter_config.json")))!.AsObject();
        Assert.Equal(
            ["base_model_name_or_path", "bias", "fan_in_fan_out", "inference_mode", "lora_alpha", "lora_dropout", "peft_type", "r",
             "target_modules", "task_type", "use_rslora"],
            config.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("LORA", (string?)config["peft_type"]);
        Assert.Equal("CAUSAL_LM", (string?)config["task_type"]);
        Assert.Equal(8, (int?)config["r"]);
        Assert.Equal(8.0, (double?)config["lora_alpha"]);
        Assert.Equal(0.0, (double?)config["lora_dropout"]);
        Assert.Equal(["c_attn"], config["target_modules"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("none", (string?)config["bias"]);
        Assert.True((bool?)config["fan_in_fan_out"]);
        Assert.False((bool?)config["use_rslora"]);
        Assert.Equal("tiny-gpt2", (string?)config["base_model_name_or_path"]);
        Assert.True((bool?)config["inference_mode"]);
    }

    [Fact]
    public void Adapters_saved_and_loaded_onto_a_fresh_base_round_trip_bit_exactly()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var trained = LoraTestModels.WithTrainedAdapters(config: LoraTestModels.Config with { Settings = new() { Rank = 4, Alpha = 16, UseRsLora = true } });
        LoraCheckpoint.Save(trained, LoraTestModels.Config with { Settings = new() { Rank = 4, Alpha = 16, UseRsLora = true } }, folder.Path);
        using var fresh = TinyGpt2.Create();

        var config = LoraCheckpoint.Load(fresh, folder.Path);

        Assert.Equal(8.0, config.Settings.Scaling);
        var expected = trained.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var actual = fresh.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, parameter) in expected) TensorAssert.BitEqual(parameter, actual[name]);
        var tokens = TinyGpt2.Tokens(seed: 9);
        TensorAssert.BitEqual(trained.call(tokens), fresh.call(tokens));
    }

    [Fact]
    public void An_adapter_file_missing_a_layers_tensor_is_refused_by_name()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var trained = LoraTestModels.WithTrainedAdapters();
        LoraCheckpoint.Save(trained, LoraTestModels.Config, folder.Path);
        var tensors = SafetensorsFile.Open(folder.File("adapter_model.safetensors")).ReadAll();
        tensors.Remove("base_model.model.transformer.h.1.attn.c_attn.lora_B.weight");
        SafetensorsWriter.Write(folder.File("adapter_model.safetensors"), tensors);
        using var fresh = TinyGpt2.Create();

        var error = Assert.Throws<InvalidDataException>(() => LoraCheckpoint.Load(fresh, folder.Path));

        Assert.Contains("lacks tensor 'base_model.model.transformer.h.1.attn.c_attn.lora_B.weight'", error.Message);
    }

    [Fact]
    public void Adapter_tensors_of_another_rank_than_the_config_says_are_refused_naming_the_shapes()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var trained = LoraTestModels.WithTrainedAdapters();
        LoraCheckpoint.Save(trained, LoraTestModels.Config, folder.Path);
        (LoraTestModels.Config with { Settings = new() { Rank = 4 } }).Write(folder.File("adapter_config.json"));
        using var fresh = TinyGpt2.Create();

        var error = Assert.Throws<InvalidDataException>(() => LoraCheckpoint.Load(fresh, folder.Path));

        Assert.Contains("'base_model.model.transformer.h.0.attn.c_attn.lora_A.weight' has shape [8, 64]; the model needs [4, 64]", error.Message);
    }

    [Fact]
    public void A_PEFT_config_with_per_layer_rank_pattern_is_refused_rather_than_misapplied()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("adapter_config.json"),
            """{"peft_type": "LORA", "r": 8, "target_modules": ["c_attn"], "rank_pattern": {"h.0.attn.c_attn": 4}}""");

        var error = Assert.Throws<InvalidDataException>(() => LoraAdapterConfig.Read(folder.File("adapter_config.json")));

        Assert.Contains("rank_pattern", error.Message);
    }
}
