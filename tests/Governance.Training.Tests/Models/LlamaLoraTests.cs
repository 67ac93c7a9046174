using Governance.Training.Lora;
using Governance.Training.Models;
using Governance.Training.Models.Llama;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

public sealed class LlamaLoraTests
{
    private static readonly LoraAdapterConfig QueryValue = new() { TargetModules = ["q_proj", "v_proj"], BaseModelNameOrPath = "tiny-llama" };

    [Fact]
    public void Fresh_adapters_on_q_proj_and_v_proj_leave_the_output_exactly_as_the_base()
    {
        using var scope = NewDisposeScope();
        using var model = TinyLlama.Create();
        var tokens = TinyLlama.Tokens(seed: 12);
        var baseLogits = model.call(tokens);

        var targeted = LoraModel.Apply(model, QueryValue);

        Assert.Equal(["model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj", "model.layers.1.self_attn.q_proj", "model.layers.1.self_attn.v_proj"], targeted);
        TensorAssert.BitEqual(baseLogits, model.call(tokens));
        Assert.Contains("model.layers.1.self_attn.v_proj.lora_B.weight", model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void After_a_backward_pass_only_adapter_parameters_hold_gradients()
    {
        using var scope = NewDisposeScope();
        using var model = TinyLlama.Create(config: TinyLlama.Qwen2Config);
        LoraModel.Apply(model, QueryValue);
        var tokens = TinyLlama.Tokens(seed: 13);

        nn.functional.cross_entropy(model.call(tokens).flatten(0, 1), tokens.flatten()).backward();

        var parameters = model.named_parameters().ToList();
        var adapters = parameters.Where(p => p.name.Contains(".lora_")).ToList();
        Assert.Equal(8, adapters.Count);
        Assert.All(adapters.Where(p => p.name.EndsWith("lora_B.weight")), p => Assert.True(p.parameter.grad!.abs().sum().item<float>() > 0));
        Assert.All(parameters.Except(adapters), p => Assert.Null(p.parameter.grad));
    }

    [Fact]
    public void A_merged_adapter_saves_as_a_plain_checkpoint_that_reloads_with_the_adapted_outputs()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = TinyLlama.Create();
        LoraModel.Apply(model, QueryValue);
        using (no_grad())
            foreach (var (_, host) in LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null)) host.Lora!.B.weight!.normal_(0, 0.1);
        var tokens = TinyLlama.Tokens(seed: 14);
        var adapted = model.call(tokens);
        Assert.Throws<InvalidOperationException>(() => CausalLmCheckpoint.Save(model, folder.Path));

        LoraModel.Merge(model);
        CausalLmCheckpoint.Save(model, folder.Path);
        using var reloaded = CausalLmCheckpoint.Load(folder.Path);

        TensorAssert.Close(adapted, reloaded.call(tokens), 1e-4);
    }

    [Fact]
    public void Each_architecture_names_its_default_targets_and_weight_layout()
    {
        using var llama = new LlamaForCausalLM(TinyLlama.Config);
        using var gpt2 = TinyGpt2.Create();

        var llamaConfig = LoraTargetModules.ConfigFor(llama, new LoraSettings(), [], "tiny-llama");
        var gpt2Config = LoraTargetModules.ConfigFor(gpt2, new LoraSettings(), [], "tiny-gpt2");

        Assert.Equal(["q_proj", "v_proj"], llamaConfig.TargetModules);
        Assert.False(llamaConfig.FanInFanOut);
        Assert.Equal(["c_attn"], gpt2Config.TargetModules);
        Assert.True(gpt2Config.FanInFanOut);
        Assert.Equal(ModelArchitecture.Llama, ModelArchitecture.Of(llama));
    }

    [Fact]
    public void All_linear_expands_to_every_linear_layer_but_the_head()
    {
        using var llama = new LlamaForCausalLM(TinyLlama.Config);
        using var gpt2 = TinyGpt2.Create(config: TinyGpt2.Config with { TieWordEmbeddings = false });

        Assert.Equal(["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"], LoraTargetModules.Resolve(llama, ["all-linear"]));
        Assert.Equal(["c_attn", "c_proj", "c_fc"], LoraTargetModules.Resolve(gpt2, ["all-linear"]));
        Assert.Equal(14, LoraModel.Apply(llama, LoraTargetModules.ConfigFor(llama, new LoraSettings(), ["all-linear"], "tiny-llama")).Count);
        Assert.DoesNotContain(llama.named_parameters(), p => p.name.StartsWith("lm_head.lora_"));
    }

    [Fact]
    public void All_linear_mixed_with_named_layers_is_refused()
    {
        using var llama = new LlamaForCausalLM(TinyLlama.Config);
        Assert.Contains("\"all-linear\" stands alone", Assert.Throws<ArgumentException>(() => LoraTargetModules.Resolve(llama, ["all-linear", "q_proj"])).Message);
    }
}
