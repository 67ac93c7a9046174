namespace Governance.Training.Safetensors;

/// <summary>One named tensor as stored in a safetensors file: its type, shape and raw little-endian bytes.</summary>
public sealed class SafetensorsTensor
{
    /// <summary>Checks that <paramref name="data"/> holds exactly the elements <paramref name="shape"/> asks for.</summary>
    public SafetensorsTensor(SafetensorsDType dtype, long[] shape, byte[] data)
    {
        if (shape.Any(d => d < 0)) throw new ArgumentException($"Negative dimension in shape [{string.Join(", ", shape)}].", nameof(shape));
        var expected = ByteLength(dtype, shape);
        if (data.LongLength != expected)
            throw new ArgumentException($"A {dtype} tensor of shape [{string.Join(", ", shape)}] needs {expected} bytes, got {data.LongLength}.", nameof(data));
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    /// <summary>The element type.</summary>
    public SafetensorsDType DType { get; }

    /// <summary>The dimensions; empty for a scalar.</summary>
    public long[] Shape { get; }

    /// <summary>The elements in row-major order, little-endian.</summary>
    public byte[] Data { get; }

    /// <summary>The bytes a tensor of this type and shape occupies.</summary>
    public static long ByteLength(SafetensorsDType dtype, IEnumerable<long> shape) =>
        shape.Aggregate(1L, (product, d) => checked(product * d)) * dtype.ElementSize();
}
