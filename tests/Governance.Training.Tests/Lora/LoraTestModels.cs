using Governance.Training.Lora;
using Governance.Training.Models.Gpt2;
using Governance.Training.Tests.Models;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Lora;

/// <summary>The tiny GPT-2 with adapters on c_attn whose B is no longer zero, so they change the output.</summary>
public static class LoraTestModels
{
    public static readonly LoraAdapterConfig Config = new()
    {
        TargetModules = ["c_attn"], FanInFanOut = true, BaseModelNameOrPath = "tiny-gpt2",
    };

    public static Gpt2LmHeadModel WithTrainedAdapters(int seed = 11, LoraAdapterConfig? config = null)
    {
        var model = TinyGpt2.Create();
        LoraModel.Apply(model, config ?? Config);
        manual_seed(seed);
        using var _ = no_grad();
        foreach (var (_, host) in LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null))
            host.Lora!.B.weight!.copy_(randn(host.Lora.B.weight!.shape).mul_(0.1));
        return model;
    }
}
