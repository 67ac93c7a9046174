using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Lora;

/// <summary>
/// What every layer that can carry a LoRA adapter shares: the adapter, registered as "lora_A" and "lora_B" so that
/// parameter paths read as PEFT's saved keys do, and its attach and detach.
/// </summary>
public abstract class LoraHostModule(string name) : Module<Tensor, Tensor>(name), ILoraHost
{
    private LoraAdapter? _lora;

    /// <inheritdoc />
    public abstract long InFeatures { get; }

    /// <inheritdoc />
    public abstract long OutFeatures { get; }

    /// <inheritdoc />
    public abstract bool FanInFanOut { get; }

    /// <inheritdoc />
    public abstract Parameter Weight { get; }

    /// <inheritdoc />
    public LoraAdapter? Lora => _lora;

    /// <inheritdoc />
    public void Attach(LoraAdapter? adapter)
    {
        // TorchSharp refuses to register a name twice; registering null removes the present adapter's modules.
        register_module("lora_A", null!);
        register_module("lora_B", null!);
        if (adapter is not null)
        {
            register_module("lora_A", adapter.A);
            register_module("lora_B", adapter.B);
        }
        _lora = adapter;
    }
}
