namespace Governance.Core.Models;

/// <summary>How a model was adapted from its base model.</summary>
public enum ModelMethod
{
    /// <summary>Low-rank adapters on a frozen base (LoRA).</summary>
    Lora,
    /// <summary>Supervised fine-tuning of every weight.</summary>
    FullSft,
    /// <summary>Domain-adaptive pre-training on unlabelled domain text.</summary>
    Dapt,
    /// <summary>Direct preference optimisation on preference pairs.</summary>
    Dpo,
}
