using TorchSharp.Modules;

namespace Governance.Training.Lora;

/// <summary>A linear layer that can carry one LoRA adapter, as PEFT wraps nn.Linear and transformers' Conv1D.</summary>
public interface ILoraHost
{
    /// <summary>Input width of the layer.</summary>
    long InFeatures { get; }

    /// <summary>Output width of the layer.</summary>
    long OutFeatures { get; }

    /// <summary>True when the weight is stored [in, out] (GPT-2's Conv1D), so the weight delta is (B @ A) transposed.</summary>
    bool FanInFanOut { get; }

    /// <summary>The layer's base weight, in its stored layout.</summary>
    Parameter Weight { get; }

    /// <summary>The adapter attached, if any.</summary>
    LoraAdapter? Lora { get; }

    /// <summary>Attaches <paramref name="adapter"/>, or removes the present one when null.</summary>
    void Attach(LoraAdapter? adapter);
}
