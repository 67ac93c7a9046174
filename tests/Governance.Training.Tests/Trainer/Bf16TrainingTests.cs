using Governance.Training.Lora;
using Governance.Training.Objectives;
using Governance.Training.Tests.Lora;
using Governance.Training.Tests.Models;
using Governance.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Trainer;

public sealed class Bf16TrainingTests
{
    [GpuFact]
    [Trait("Category", "GPU")]
    public void On_CUDA_the_base_is_placed_in_bf16_trains_fp32_adapters_and_keeps_its_own_weights_and_dtype()
    {
        using var model = TinyGpt2.Create();
        TrainingPrecision.Place(model, CUDA);
        Assert.All(model.parameters(), parameter => Assert.Equal(ScalarType.BFloat16, parameter.dtype));
        TrainsBf16Base(model, CUDA);
    }

    [Fact]
    public void On_the_CPU_the_base_is_placed_in_fp32()
    {
        using var model = TinyGpt2.Create();
        TrainingPrecision.Place(model, CPU);
        Assert.All(model.parameters(), parameter => Assert.Equal(ScalarType.Float32, parameter.dtype));
    }

    // The same path on the CPU, where production training stays fp32: it checks the GPU test's own logic here.
    [Fact]
    public void On_the_CPU_a_bf16_base_trains_fp32_adapters_and_keeps_its_own_weights_and_dtype()
    {
        using var model = TinyGpt2.Create();
        model.to(ScalarType.BFloat16);
        TrainsBf16Base(model, CPU);
    }

    private static void TrainsBf16Base(nn.Module<Tensor, Tensor> model, Device device)
    {
        using var scope = NewDisposeScope();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone().cpu());
        LoraModel.Apply(model, LoraTestModels.Config with { Settings = new LoraSettings { Rank = 8, Alpha = 16 } });
        var train = TrainingData.Completions(16);

        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(),
            new TrainerSettings { MaxSteps = 20, MicroBatchSize = 4, LearningRate = 5e-2, Schedule = ScheduleKind.Constant }).Run(train);

        using var batch = TokenBatch.Collate(train, device: device);
        Assert.Equal(ScalarType.BFloat16, model.call(batch.InputIds).dtype);
        var adapters = model.named_parameters().Where(p => p.name.Contains(".lora_")).ToList();
        Assert.All(adapters, p => Assert.Equal((ScalarType.Float32, device.type), (p.parameter.dtype, p.parameter.device_type)));
        foreach (var (name, original) in before) TensorAssert.BitEqual(original, model.get_parameter(name)!);
        Assert.True(result.Losses.TakeLast(3).Average() < result.Losses.Take(3).Average() - 0.3,
            $"loss went from {result.Losses[0]:F3} to {result.Losses[^1]:F3}");
    }
}
