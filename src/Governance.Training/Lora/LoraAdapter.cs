using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Governance.Training.Lora;

/// <summary>
/// The low-rank pair PEFT adds to a layer: A [r, in] starts kaiming-uniform, B [out, r] starts at zero so a fresh
/// adapter leaves the layer's output unchanged; its output is B(A(x)) * scaling. Kept in fp32 whatever the base dtype.
/// </summary>
public sealed class LoraAdapter : IDisposable
{
    /// <summary>Creates a fresh adapter on <paramref name="device"/> for a layer of the given widths.</summary>
    public LoraAdapter(long inFeatures, long outFeatures, LoraSettings settings, Device? device = null)
    {
        Settings = settings;
        A = Linear(inFeatures, settings.Rank, hasBias: false, device: device, dtype: ScalarType.Float32);
        B = Linear(settings.Rank, outFeatures, hasBias: false, device: device, dtype: ScalarType.Float32);
        init.kaiming_uniform_(A.weight!, a: Math.Sqrt(5));
        init.zeros_(B.weight!);
    }

    /// <summary>Rank, alpha, dropout and scaling rule.</summary>
    public LoraSettings Settings { get; }

    /// <summary>The down projection, registered as "lora_A" on its layer.</summary>
    public Linear A { get; }

    /// <summary>The up projection, registered as "lora_B" on its layer.</summary>
    public Linear B { get; }

    /// <summary>What the adapter adds to the layer's output for input <paramref name="x"/>.</summary>
    public Tensor Forward(Tensor x, bool training)
    {
        var input = x.to_type(ScalarType.Float32);
        if (Settings.Dropout > 0) input = functional.dropout(input, Settings.Dropout, training);
        return B.call(A.call(input)).mul(Settings.Scaling);
    }

    /// <summary>The change to the layer's weight, (B @ A) * scaling, transposed for a [in, out] (fan_in_fan_out) layout.</summary>
    public Tensor DeltaWeight(bool fanInFanOut)
    {
        var delta = matmul(B.weight!, A.weight!).mul(Settings.Scaling);
        return fanInFanOut ? delta.t() : delta;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
