namespace Governance.Training.Lora;

/// <summary>The LoRA hyper-parameters, with PEFT's defaults (r 8, alpha 8, dropout 0, plain scaling).</summary>
public sealed record LoraSettings
{
    /// <summary>The rank r of the update.</summary>
    public int Rank { get; init; } = 8;

    /// <summary>lora_alpha: the update is scaled by alpha / r (alpha / sqrt(r) with rsLoRA).</summary>
    public double Alpha { get; init; } = 8;

    /// <summary>Dropout on the adapter's input while training.</summary>
    public double Dropout { get; init; }

    /// <summary>use_rslora: scale by alpha / sqrt(r), which keeps high ranks stable.</summary>
    public bool UseRsLora { get; init; }

    /// <summary>The factor applied to B(A(x)).</summary>
    public double Scaling => UseRsLora ? Alpha / Math.Sqrt(Rank) : Alpha / Rank;
}
