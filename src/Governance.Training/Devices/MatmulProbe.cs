using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Devices;

/// <summary>Times a dense fp32 matrix product on a device: the reference rate for model FLOP utilisation.</summary>
public static class MatmulProbe
{
    /// <summary>The achieved rate in GFLOP/s for <paramref name="repeats"/> products of two n x n matrices.</summary>
    public static double GigaflopsPerSecond(TrainingDevice device, int n, int repeats = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 16);
        using var scope = NewDisposeScope();
        var target = torch.device(device.TorchName);
        var a = rand(n, n, ScalarType.Float32, target);
        var b = rand(n, n, ScalarType.Float32, target);
        mm(a, b);
        Synchronize(device);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++) mm(a, b);
        Synchronize(device);
        var seconds = clock.Elapsed.TotalSeconds;
        return 2.0 * n * n * n * repeats / seconds / 1e9;
    }

    private static void Synchronize(TrainingDevice device)
    {
        if (device.Kind == TrainingDevice.Cuda) cuda.synchronize();
    }
}
