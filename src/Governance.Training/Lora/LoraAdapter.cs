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

    /// <summary>
    /// The layer's output <paramref name="output"/> [rows, out] plus the adapter's for input <paramref name="input"/>
    /// [rows, in]. The scaling multiplies the [rows, r] product, not the [rows, out] one, and is skipped when it is 1 (the
    /// default alpha = r). An fp32 output takes the up projection in place, in the same matrix product, so a step makes no
    /// [rows, out] temporary for the adapter; the layer's output is not saved for backward, so that is safe. Another dtype
    /// gets the fp32 result cast and added.
    /// </summary>
    public Tensor AddTo(Tensor output, Tensor input, bool training)
    {
        var x = input.to_type(ScalarType.Float32);
        if (Settings.Dropout > 0) x = functional.dropout(x, Settings.Dropout, training);
        var down = A.call(x);
        if (Settings.Scaling != 1) down = down.mul(Settings.Scaling);
        return output.dtype == ScalarType.Float32
            ? output.addmm_(down, B.weight!.t())
            : output + B.call(down).to_type(output.dtype);
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
