using Governance.Training.Models.Llama;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

public sealed class LlamaModelTests
{
    private static readonly string[] PerLayer =
    [
        "self_attn.q_proj.weight", "self_attn.k_proj.weight", "self_attn.v_proj.weight", "self_attn.o_proj.weight",
        "mlp.gate_proj.weight", "mlp.up_proj.weight", "mlp.down_proj.weight", "input_layernorm.weight", "post_attention_layernorm.weight",
    ];

    [Fact]
    public void Parameters_are_named_and_shaped_as_in_a_Hugging_Face_Llama_checkpoint()
    {
        using var model = new LlamaForCausalLM(TinyLlama.Config);
        var expected = new[] { "model.embed_tokens.weight", "model.norm.weight", "lm_head.weight" }
            .Concat(from layer in new[] { 0, 1 } from name in PerLayer select $"model.layers.{layer}.{name}");

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        Assert.Equal(expected.Order(), shapes.Keys.Order());
        Assert.Equal([97L, 32], shapes["model.embed_tokens.weight"]);
        Assert.Equal([32L, 32], shapes["model.layers.0.self_attn.q_proj.weight"]);
        Assert.Equal([16L, 32], shapes["model.layers.1.self_attn.k_proj.weight"]);
        Assert.Equal([16L, 32], shapes["model.layers.1.self_attn.v_proj.weight"]);
        Assert.Equal([48L, 32], shapes["model.layers.0.mlp.gate_proj.weight"]);
        Assert.Equal([32L, 48], shapes["model.layers.0.mlp.down_proj.weight"]);
        Assert.Equal([97L, 32], shapes["lm_head.weight"]);
    }

    [Fact]
    public void A_tied_Qwen2_model_has_q_k_v_biases_no_o_bias_and_no_lm_head()
    {
        using var model = new LlamaForCausalLM(TinyLlama.Qwen2Config);
        var names = model.named_parameters().Select(p => p.name).ToList();

        Assert.DoesNotContain("lm_head.weight", names);
        Assert.Equal(["model.layers.0.self_attn.q_proj.bias", "model.layers.0.self_attn.k_proj.bias", "model.layers.0.self_attn.v_proj.bias"],
            names.Where(name => name.StartsWith("model.layers.0.") && name.EndsWith(".bias")));
        Assert.Equal(2 + 2 * (PerLayer.Length + 3), names.Count);
    }

    [Fact]
    public void A_tied_head_projects_with_the_token_embedding()
    {
        using var scope = NewDisposeScope();
        using var tied = TinyLlama.Create(config: TinyLlama.Config with { TieWordEmbeddings = true });
        var tokens = TinyLlama.Tokens(seed: 5);
        var before = tied.call(tokens);

        using (no_grad()) tied.named_parameters().Single(p => p.name == "model.embed_tokens.weight").parameter[5].add_(1);

        Assert.True(TensorAssert.MaxGap(before[.., .., 5], tied.call(tokens)[.., .., 5]) > 1e-2);
    }

    [Fact]
    public void Changing_a_later_token_leaves_the_logits_of_earlier_positions_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = TinyLlama.Create();
        var tokens = TinyLlama.Tokens(seed: 6, batch: 1);
        var changed = tokens.clone();
        changed[0, 5] = (tokens[0, 5] + 1) % TinyLlama.Config.VocabSize;

        var before = model.call(tokens);
        var after = model.call(changed);

        TensorAssert.BitEqual(before[.., ..5], after[.., ..5]);
        Assert.True(TensorAssert.MaxGap(before[.., 5..], after[.., 5..]) > 1e-3);
    }

    [Fact]
    public void RMSNorm_of_a_bf16_input_is_computed_in_fp32_and_rounded_once_before_the_weight()
    {
        using var scope = NewDisposeScope();
        using var norm = new LlamaRmsNorm(32, 1e-5);
        norm.to(ScalarType.BFloat16);
        manual_seed(7);
        using (no_grad()) norm.parameters().Single().copy_(rand(32) + 0.5);
        var x = (randn(3, 32) * 4).to_type(ScalarType.BFloat16);

        var wide = x.to_type(ScalarType.Float32);
        var normalised = (wide / (wide.pow(2).mean([-1], keepdim: true) + 1e-5).sqrt()).to_type(ScalarType.BFloat16);
        var expected = norm.parameters().Single() * normalised;

        var actual = norm.call(x);
        Assert.Equal(ScalarType.BFloat16, actual.dtype);
        TensorAssert.Close(expected, actual, 0.02);
        Assert.True(TensorAssert.MaxGap(x, actual) > 0.1);
    }

    [Fact]
    public void A_sequence_longer_than_max_position_embeddings_is_refused()
    {
        using var scope = NewDisposeScope();
        using var model = new LlamaForCausalLM(TinyLlama.Config);
        var error = Assert.Throws<ArgumentException>(() => model.call(zeros(1, 17, dtype: ScalarType.Int64)));
        Assert.Contains("max_position_embeddings 16", error.Message);
    }
}
