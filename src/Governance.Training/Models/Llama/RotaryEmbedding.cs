using static TorchSharp.torch;

namespace Governance.Training.Models.Llama;

/// <summary>
/// Rotary position embedding in transformers' layout (rotate_half: the first and second halves of each head pair up,
/// not neighbouring elements). Angles are computed in fp32 and cast to the activations' dtype, as transformers does.
/// </summary>
public sealed class RotaryEmbedding
{
    private readonly int _headSize;
    private readonly double _theta;

    /// <summary>Rotation for heads of <paramref name="headSize"/> with base <paramref name="theta"/> (rope_theta).</summary>
    public RotaryEmbedding(int headSize, double theta)
    {
        _headSize = headSize;
        _theta = theta;
    }

    /// <summary>cos and sin [time, head_dim] for positions start..start+time-1, in <paramref name="dtype"/> on <paramref name="device"/>.</summary>
    public (Tensor Cos, Tensor Sin) Angles(long start, long time, Device device, ScalarType dtype)
    {
        // inv_freq = 1 / theta^(2i / d), in fp32 like transformers' float32 power of the base.
        var exponents = arange(0, _headSize, 2, dtype: ScalarType.Int64, device: device).to_type(ScalarType.Float32) / _headSize;
        var inverseFrequencies = tensor((float)_theta, device: device).pow(exponents).reciprocal();
        var positions = arange(start, start + time, dtype: ScalarType.Int64, device: device).to_type(ScalarType.Float32);
        var frequencies = outer(positions, inverseFrequencies);
        var angles = cat([frequencies, frequencies], -1);
        return (angles.cos().to_type(dtype), angles.sin().to_type(dtype));
    }

    /// <summary>Rotates <paramref name="x"/> [batch, heads, time, head_dim] by the angles of its positions.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin) => x * cos + RotateHalf(x) * sin;

    private static Tensor RotateHalf(Tensor x)
    {
        var halves = x.chunk(2, -1);
        return cat([-halves[1], halves[0]], -1);
    }
}
