using Governance.Training.Lora;
using Governance.Training.Models.Gpt2;
using Governance.Training.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Lora;

public sealed class LoraModelTests
{
    [Fact]
    public void Fresh_adapters_with_B_zero_leave_the_output_exactly_as_the_base()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var tokens = TinyGpt2.Tokens(seed: 2);
        var baseLogits = model.call(tokens);

        var targeted = LoraModel.Apply(model, LoraTestModels.Config);

        Assert.Equal(["transformer.h.0.attn.c_attn", "transformer.h.1.attn.c_attn"], targeted);
        TensorAssert.BitEqual(baseLogits, model.call(tokens));
    }

    [Fact]
    public void Applying_adapters_again_replaces_the_trained_ones_with_fresh_ones()
    {
        using var scope = NewDisposeScope();
        using var model = LoraTestModels.WithTrainedAdapters();
        var tokens = TinyGpt2.Tokens(seed: 2);

        LoraModel.Apply(model, LoraTestModels.Config);

        using var plain = TinyGpt2.Create();
        TensorAssert.BitEqual(plain.call(tokens), model.call(tokens));
        Assert.Equal(4, model.named_parameters().Count(p => p.name.Contains(".lora_")));
    }

    [Fact]
    public void A_starts_kaiming_uniform_within_one_over_root_fan_in_and_B_starts_at_zero()
    {
        using var model = TinyGpt2.Create();
        LoraModel.Apply(model, LoraTestModels.Config);
        var adapter = LoraModel.Hosts(model).First().Host.Lora!;

        Assert.Equal([8L, 64], adapter.A.weight!.shape);
        Assert.Equal([192L, 8], adapter.B.weight!.shape);
        Assert.InRange(adapter.A.weight!.abs().max().item<float>(), 0.1f, 1f / 8);
        Assert.Equal(0f, adapter.B.weight!.abs().max().item<float>());
        Assert.Equal(ScalarType.Float32, adapter.A.weight!.dtype);
    }

    [Fact]
    public void After_a_backward_pass_only_adapter_parameters_hold_gradients()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        LoraModel.Apply(model, LoraTestModels.Config);
        var tokens = TinyGpt2.Tokens(seed: 4);

        nn.functional.cross_entropy(model.call(tokens).flatten(0, 1), tokens.flatten()).backward();

        var parameters = model.named_parameters().ToList();
        var adapters = parameters.Where(p => p.name.Contains(".lora_")).ToList();
        Assert.Equal(4, adapters.Count);
        Assert.All(adapters, p => Assert.NotNull(p.parameter.grad));
        Assert.All(adapters.Where(p => p.name.EndsWith("lora_B.weight")), p => Assert.True(p.parameter.grad!.abs().sum().item<float>() > 0));
        Assert.All(parameters.Except(adapters), p => Assert.Null(p.parameter.grad));
        Assert.All(parameters.Except(adapters), p => Assert.False(p.parameter.requires_grad));
    }

    [Fact]
    public void A_merged_model_matches_the_unmerged_one_within_1e_5_and_has_only_base_parameters()
    {
        using var scope = NewDisposeScope();
        using var model = LoraTestModels.WithTrainedAdapters();
        var tokens = TinyGpt2.Tokens(seed: 8);
        var unmerged = model.call(tokens);
        using var plain = TinyGpt2.Create();
        Assert.True(TensorAssert.MaxGap(plain.call(tokens), unmerged) > 1e-3, "the adapters should change the output");

        LoraModel.Merge(model);

        TensorAssert.Close(unmerged, model.call(tokens), 1e-5);
        Assert.Equal(plain.named_parameters().Select(p => p.name), model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void A_merged_model_exports_as_a_plain_checkpoint_that_reloads_with_the_adapted_outputs()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = LoraTestModels.WithTrainedAdapters();
        var tokens = TinyGpt2.Tokens(seed: 10);
        var adapted = model.call(tokens);

        LoraModel.Merge(model);
        Gpt2Checkpoint.Save(model, folder.Path);
        using var reloaded = Gpt2Checkpoint.Load(folder.Path);

        TensorAssert.Close(adapted, reloaded.call(tokens), 1e-5);
    }

    [Fact]
    public void On_a_bf16_base_the_adapters_stay_fp32_and_still_learn()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        model.to(ScalarType.BFloat16);
        LoraModel.Apply(model, LoraTestModels.Config);
        var tokens = TinyGpt2.Tokens(seed: 14);

        var logits = model.call(tokens);
        nn.functional.cross_entropy(logits.flatten(0, 1).to_type(ScalarType.Float32), tokens.flatten()).backward();

        Assert.Equal(ScalarType.BFloat16, logits.dtype);
        var adapters = model.named_parameters().Where(p => p.name.Contains(".lora_")).ToList();
        Assert.All(adapters, p => Assert.Equal(ScalarType.Float32, p.parameter.dtype));
        Assert.All(adapters.Where(p => p.name.EndsWith("lora_B.weight")), p => Assert.True(p.parameter.grad!.abs().sum().item<float>() > 0));
    }

    [Fact]
    public void On_a_fan_in_fan_out_layer_the_delta_is_B_times_A_transposed_and_scaled()
    {
        using var scope = NewDisposeScope();
        using var layer = new Conv1D(2, 3);
        using (no_grad()) layer.Weight.zero_();
        var adapter = new LoraAdapter(2, 3, new LoraSettings { Rank = 1, Alpha = 2 });
        using (no_grad())
        {
            adapter.A.weight!.copy_(tensor(new float[] { 1, 2 }).reshape(1, 2));
            adapter.B.weight!.copy_(tensor(new float[] { 1, 0, 2 }).reshape(3, 1));
        }
        layer.Attach(adapter);

        Assert.Equal(new float[] { 6, 0, 12 }, layer.call(tensor(new float[] { 1, 1 }).reshape(1, 2)).data<float>().ToArray());
        LoraModel.Merge(layer);

        Assert.Null(layer.Lora);
        Assert.Equal(new float[] { 2, 0, 4, 4, 0, 8 }, layer.Weight.data<float>().ToArray());
    }

    [Theory]
    [InlineData(8, 8, false, 1.0)]
    [InlineData(4, 16, false, 4.0)]
    [InlineData(4, 16, true, 8.0)]
    public void Scaling_is_alpha_over_r_or_alpha_over_root_r_with_rslora(int rank, double alpha, bool rslora, double expected)
    {
        Assert.Equal(expected, new LoraSettings { Rank = rank, Alpha = alpha, UseRsLora = rslora }.Scaling);
    }
}
