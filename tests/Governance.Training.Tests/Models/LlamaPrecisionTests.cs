using Governance.Training.Lora;
using Governance.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>The Llama family in bf16, as it runs on a GPU: weights, activations and attention in bf16, norms in fp32.</summary>
public sealed class LlamaPrecisionTests
{
    // bf16 keeps 8 significant bits (relative step 2^-8); two layers of rounding stay within a few per cent of the logits' range.
    private const double RelativeTolerance = 0.05;

    [Fact]
    public void A_bf16_model_on_the_CPU_gives_bf16_logits_close_to_fp32()
    {
        using var scope = NewDisposeScope();
        using var model = TinyLlama.Create();
        var tokens = TinyLlama.Tokens(seed: 15);
        var reference = model.call(tokens);

        model.to(ScalarType.BFloat16);
        var logits = model.call(tokens);

        Assert.Equal(ScalarType.BFloat16, logits.dtype);
        AssertCloseRelative(reference, logits);
    }

    [GpuFact]
    [Trait("Category", "GPU")]
    public void On_CUDA_a_checkpoint_loads_in_bf16_matches_fp32_and_trains_fp32_adapters()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = TinyLlama.Create();
        CausalLmCheckpoint.Save(model, folder.Path);
        var tokens = TinyLlama.Tokens(seed: 16);
        var reference = model.call(tokens);

        using var onGpu = CausalLmCheckpoint.Load(folder.Path, ScalarType.BFloat16, CUDA);
        var logits = onGpu.call(tokens.cuda());

        Assert.Equal((DeviceType.CUDA, ScalarType.BFloat16), (logits.device_type, logits.dtype));
        AssertCloseRelative(reference, logits.cpu());
        LoraModel.Apply(onGpu, LoraTargetModules.ConfigFor(onGpu, new LoraSettings(), [], "tiny-llama"));
        nn.functional.cross_entropy(onGpu.call(tokens.cuda()).flatten(0, 1).to_type(ScalarType.Float32), tokens.cuda().flatten()).backward();
        var adapters = onGpu.named_parameters().Where(p => p.name.Contains(".lora_B")).ToList();
        Assert.Equal(4, adapters.Count);
        Assert.All(adapters, p => Assert.True(p.parameter.grad!.abs().sum().item<float>() > 0));
    }

    private static void AssertCloseRelative(Tensor reference, Tensor actual)
    {
        var range = reference.abs().max().item<float>();
        var gap = TensorAssert.MaxGap(reference, actual);
        Assert.True(gap <= RelativeTolerance * range, $"largest gap {gap} exceeds {RelativeTolerance} of the logits' range {range}");
    }
}
