using Governance.Training.Models.Gpt2;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

public sealed class Gpt2ModelTests
{
    [Fact]
    public void Parameters_are_named_and_shaped_as_in_a_Hugging_Face_GPT2_checkpoint()
    {
        using var model = TinyGpt2.Create();
        string[] perBlock = ["ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
            "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias"];
        var expected = new[] { "transformer.wte.weight", "transformer.wpe.weight", "transformer.ln_f.weight", "transformer.ln_f.bias" }
            .Concat(from block in new[] { 0, 1 } from name in perBlock select $"transformer.h.{block}.{name}");

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        Assert.Equal(expected.Order(), shapes.Keys.Order());
        Assert.Equal([50L, 64], shapes["transformer.wte.weight"]);
        Assert.Equal([64L, 192], shapes["transformer.h.1.attn.c_attn.weight"]);
        Assert.Equal([256L, 64], shapes["transformer.h.0.mlp.c_proj.weight"]);
    }

    [Fact]
    public void An_untied_model_owns_an_lm_head_of_vocab_by_width()
    {
        using var model = TinyGpt2.Create(config: TinyGpt2.Config with { TieWordEmbeddings = false });
        Assert.Equal([50L, 64], model.named_parameters().Single(p => p.name == "lm_head.weight").parameter.shape);
    }

    [Fact]
    public void Conv1D_multiplies_the_input_by_an_in_by_out_weight_and_adds_the_bias()
    {
        using var scope = NewDisposeScope();
        using var layer = new Conv1D(2, 3);
        using (no_grad())
        {
            layer.Weight.copy_(tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3));
            layer.named_parameters().Single(p => p.name == "bias").parameter.copy_(tensor(new float[] { 0.5f, 0, -1 }));
        }

        var y = layer.call(tensor(new float[] { 1, 1, 2, 0 }).reshape(1, 2, 2));

        Assert.Equal([1L, 2, 3], y.shape);
        Assert.Equal(new float[] { 5.5f, 7, 8, 2.5f, 4, 5 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Changing_a_later_token_leaves_the_logits_of_earlier_positions_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        model.eval();
        var tokens = TinyGpt2.Tokens(seed: 3, batch: 1);
        var changed = tokens.clone();
        changed[0, 5] = (tokens[0, 5] + 1) % TinyGpt2.Config.VocabSize;

        var before = model.call(tokens);
        var after = model.call(changed);

        TensorAssert.BitEqual(before[.., ..5], after[.., ..5]);
        Assert.True(TensorAssert.MaxGap(before[.., 5..], after[.., 5..]) > 1e-3);
    }

    [Fact]
    public void Dropout_from_the_config_acts_in_training_mode_only()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create(config: TinyGpt2.Config with { EmbeddingDropout = 0.1, AttentionDropout = 0.1, ResidualDropout = 0.1 });
        var tokens = TinyGpt2.Tokens(seed: 4);

        Assert.True(TensorAssert.MaxGap(model.call(tokens), model.call(tokens)) > 1e-3);
        model.eval();
        TensorAssert.BitEqual(model.call(tokens), model.call(tokens));
    }

    [Fact]
    public void A_sequence_longer_than_n_positions_is_refused()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var error = Assert.Throws<ArgumentException>(() => model.call(zeros(1, 17, dtype: ScalarType.Int64)));
        Assert.Contains("n_positions 16", error.Message);
    }
}
