using static TorchSharp.torch;

namespace Governance.Training.Tests;

/// <summary>Tensor comparisons with messages that say how far apart the tensors are.</summary>
public static class TensorAssert
{
    /// <summary>Same dtype, shape and every bit of every element.</summary>
    public static void BitEqual(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        using var left = expected.detach().cpu().contiguous();
        using var right = actual.detach().cpu().contiguous();
        Assert.True(left.bytes.SequenceEqual(right.bytes), $"tensors differ; largest gap {MaxGap(left, right)}");
    }

    /// <summary>Every element within <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var gap = MaxGap(expected, actual);
        Assert.True(gap <= tolerance, $"largest gap {gap} exceeds {tolerance}");
    }

    public static double MaxGap(Tensor expected, Tensor actual)
    {
        using var gap = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs().max();
        return gap.item<double>();
    }
}
