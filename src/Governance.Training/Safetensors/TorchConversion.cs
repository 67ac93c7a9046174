using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Safetensors;

/// <summary>Moves tensors between the safetensors layout and TorchSharp without changing a bit.</summary>
public static class TorchConversion
{
    /// <summary>A new CPU tensor holding <paramref name="stored"/>'s elements in its own dtype.</summary>
    public static Tensor ToTorch(this SafetensorsTensor stored)
    {
        EnsureLittleEndian();
        var tensor = empty(stored.Shape, ToScalarType(stored.DType));
        tensor.bytes = stored.Data;
        return tensor;
    }

    /// <summary>The elements of <paramref name="tensor"/> (any device, any layout) as stored bytes of its dtype.</summary>
    public static SafetensorsTensor ToSafetensors(this Tensor tensor)
    {
        EnsureLittleEndian();
        using var cpu = tensor.detach().cpu().contiguous();
        return new SafetensorsTensor(ToDType(cpu.dtype), cpu.shape, cpu.bytes.ToArray());
    }

    /// <summary>
    /// Copies tensor <paramref name="name"/> of <paramref name="checkpoint"/> into <paramref name="target"/>, converting to
    /// its dtype and device; a missing or mis-shaped tensor is refused with a message naming it.
    /// </summary>
    public static void CopyInto(this SafetensorsCheckpoint checkpoint, string name, Tensor target)
    {
        var entry = checkpoint.Find(name) ?? throw new InvalidDataException($"The checkpoint lacks tensor '{name}'.");
        if (!entry.Shape.SequenceEqual(target.shape))
            throw new InvalidDataException(
                $"Tensor '{name}' has shape [{string.Join(", ", entry.Shape)}]; the model needs [{string.Join(", ", target.shape)}].");
        using var stored = checkpoint.Read(name).ToTorch();
        using var _ = no_grad();
        target.copy_(stored);
    }

    /// <summary>The TorchSharp scalar type of a stored dtype.</summary>
    public static ScalarType ToScalarType(SafetensorsDType dtype) => dtype switch
    {
        SafetensorsDType.F64 => ScalarType.Float64,
        SafetensorsDType.F32 => ScalarType.Float32,
        SafetensorsDType.F16 => ScalarType.Float16,
        SafetensorsDType.BF16 => ScalarType.BFloat16,
        SafetensorsDType.I64 => ScalarType.Int64,
        SafetensorsDType.I32 => ScalarType.Int32,
        SafetensorsDType.I16 => ScalarType.Int16,
        SafetensorsDType.I8 => ScalarType.Int8,
        SafetensorsDType.U8 => ScalarType.Byte,
        SafetensorsDType.BOOL => ScalarType.Bool,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The stored dtype of a TorchSharp scalar type; types safetensors cannot hold are refused.</summary>
    public static SafetensorsDType ToDType(ScalarType type) => type switch
    {
        ScalarType.Float64 => SafetensorsDType.F64,
        ScalarType.Float32 => SafetensorsDType.F32,
        ScalarType.Float16 => SafetensorsDType.F16,
        ScalarType.BFloat16 => SafetensorsDType.BF16,
        ScalarType.Int64 => SafetensorsDType.I64,
        ScalarType.Int32 => SafetensorsDType.I32,
        ScalarType.Int16 => SafetensorsDType.I16,
        ScalarType.Int8 => SafetensorsDType.I8,
        ScalarType.Byte => SafetensorsDType.U8,
        ScalarType.Bool => SafetensorsDType.BOOL,
        _ => throw new NotSupportedException($"Tensors of type {type} cannot be stored in safetensors here."),
    };

    // Stored bytes are little-endian and copied as they are; a big-endian host would scramble every element.
    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Safetensors conversion needs a little-endian host.");
    }
}
