using Governance.Training.Models.Gpt2;
using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

public sealed class Gpt2CheckpointTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_saved_and_reloaded_model_gives_identical_logits(bool tied)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = TinyGpt2.Create(config: TinyGpt2.Config with { TieWordEmbeddings = tied });
        Gpt2Checkpoint.Save(model, folder.Path);

        using var loaded = Gpt2Checkpoint.Load(folder.Path);

        var tokens = TinyGpt2.Tokens(seed: 5);
        Assert.Equal(model.Config, loaded.Config);
        TensorAssert.BitEqual(model.call(tokens), loaded.call(tokens));
        var file = SafetensorsFile.Open(folder.File("model.safetensors"));
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(!tied, file.Entries.ContainsKey("lm_head.weight"));
    }

    [Fact]
    public void A_checkpoint_in_the_original_GPT2_naming_with_mask_buffers_loads()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = TinyGpt2.Create();
        var tensors = ModuleWeightsWithoutPrefix(model);
        tensors["h.0.attn.bias"] = ones(1, 1, 16, 16).ToSafetensors();
        TinyGpt2.Config.Write(folder.File("config.json"));
        SafetensorsWriter.Write(folder.File("model.safetensors"), tensors);

        using var loaded = Gpt2Checkpoint.Load(folder.Path);

        var tokens = TinyGpt2.Tokens(seed: 6);
        TensorAssert.BitEqual(model.call(tokens), loaded.call(tokens));
    }

    [Fact]
    public void A_missing_tensor_is_refused_by_name()
    {
        using var folder = SavedWith(tensors => tensors.Remove("transformer.h.1.mlp.c_fc.bias"));
        var error = Assert.Throws<InvalidDataException>(() => Gpt2Checkpoint.Load(folder.Path));
        Assert.Contains("lacks tensor 'transformer.h.1.mlp.c_fc.bias'", error.Message);
    }

    [Fact]
    public void A_mis_shaped_tensor_is_refused_naming_both_shapes()
    {
        using var folder = SavedWith(tensors => tensors["transformer.h.0.attn.c_attn.weight"] = zeros(192, 64).ToSafetensors());
        var error = Assert.Throws<InvalidDataException>(() => Gpt2Checkpoint.Load(folder.Path));
        Assert.Contains("'transformer.h.0.attn.c_attn.weight' has shape [192, 64]; the model needs [64, 192]", error.Message);
    }

    [Fact]
    public void A_config_of_another_model_type_or_with_indivisible_heads_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), """{"model_type": "llama"}""");
        Assert.Contains("'llama' model", Assert.Throws<InvalidDataException>(() => Gpt2Config.Read(folder.File("config.json"))).Message);
        File.WriteAllText(folder.File("config.json"), """{"model_type": "gpt2", "n_embd": 64, "n_head": 5}""");
        Assert.Contains("n_embd 64 is not divisible by n_head 5", Assert.Throws<InvalidDataException>(() => Gpt2Config.Read(folder.File("config.json"))).Message);
    }

    [Fact]
    public void A_Hugging_Face_config_json_is_read_field_by_field()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), """
            {"model_type": "gpt2", "activation_function": "gelu_new", "n_embd": 96, "n_layer": 3, "n_head": 6,
             "n_positions": 32, "vocab_size": 101, "layer_norm_epsilon": 1e-6, "tie_word_embeddings": false, "n_inner": null,
             "resid_pdrop": 0.2, "embd_pdrop": 0.0, "attn_pdrop": 0.05}
            """);
        var expected = new Gpt2Config
        {
            EmbeddingSize = 96, LayerCount = 3, HeadCount = 6, ContextLength = 32, VocabSize = 101,
            LayerNormEpsilon = 1e-6, TieWordEmbeddings = false, ResidualDropout = 0.2, EmbeddingDropout = 0, AttentionDropout = 0.05,
        };
        Assert.Equal(expected, Gpt2Config.Read(folder.File("config.json")));
        Assert.Equal(384, expected.MlpSize);
    }

    private static TempFolder SavedWith(Action<Dictionary<string, SafetensorsTensor>> change)
    {
        using var scope = NewDisposeScope();
        var folder = new TempFolder();
        using var model = TinyGpt2.Create();
        var tensors = Training.Models.ModuleWeights.ToSafetensors(model);
        change(tensors);
        TinyGpt2.Config.Write(folder.File("config.json"));
        SafetensorsWriter.Write(folder.File("model.safetensors"), tensors);
        return folder;
    }

    private static Dictionary<string, SafetensorsTensor> ModuleWeightsWithoutPrefix(Gpt2LmHeadModel model) =>
        Training.Models.ModuleWeights.ToSafetensors(model).ToDictionary(p => p.Key["transformer.".Length..], p => p.Value);
}
