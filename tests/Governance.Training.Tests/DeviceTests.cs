using Governance.Training.Devices;
using static TorchSharp.torch;

namespace Governance.Training.Tests;

public sealed class DeviceTests
{
    [Fact]
    public void TorchSharp_loads_and_computes_on_this_machine()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var product = mm(a, a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, product.data<float>().ToArray());
    }

    [Fact]
    public void The_detected_device_names_its_kind_model_and_memory()
    {
        var device = DeviceProbe.Detect();
        Assert.Contains(device.Kind, new[] { TrainingDevice.Cpu, TrainingDevice.Cuda });
        Assert.False(string.IsNullOrWhiteSpace(device.Name));
        Assert.True(device.MemoryBytes > 64L * 1024 * 1024, $"implausible memory {device.MemoryBytes}");
        var free = DeviceProbe.FreeMemoryBytes(device);
        Assert.InRange(free, 1, device.MemoryBytes);
        Assert.Contains(device.Kind, device.ToString());
    }

    [Fact]
    public void A_CPU_matrix_product_runs_at_a_plausible_rate()
    {
        var rate = MatmulProbe.GigaflopsPerSecond(new TrainingDevice(TrainingDevice.Cpu, "cpu", 1), 256, repeats: 3);
        Assert.InRange(rate, 0.1, 100_000);
    }

    [Fact]
    public void Matrices_smaller_than_16_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatmulProbe.GigaflopsPerSecond(new TrainingDevice(TrainingDevice.Cpu, "cpu", 1), 8));
    }

    [GpuFact]
    [Trait("Category", "GPU")]
    public void A_CUDA_device_is_detected_with_its_memory_and_multiplies_fast()
    {
        var device = DeviceProbe.Detect();
        Assert.Equal(TrainingDevice.Cuda, device.Kind);
        Assert.True(device.MemoryBytes > 1L << 30);
        Assert.True(MatmulProbe.GigaflopsPerSecond(device, 4096) > 1000);
    }
}
