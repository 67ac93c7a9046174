namespace Governance.Training.Safetensors;

/// <summary>Where one tensor lies in a safetensors file: its type, shape and byte range after the header.</summary>
/// <param name="DType">The element type.</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="Begin">Offset of the first byte, counted from the end of the header.</param>
/// <param name="End">Offset one past the last byte.</param>
public sealed record SafetensorsEntry(SafetensorsDType DType, long[] Shape, long Begin, long End);
