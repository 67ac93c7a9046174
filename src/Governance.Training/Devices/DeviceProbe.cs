using System.Diagnostics;
using static TorchSharp.torch;

namespace Governance.Training.Devices;

/// <summary>Finds the device TorchSharp will train on, and how much of its memory is free.</summary>
public static class DeviceProbe
{
    /// <summary>CUDA when libtorch sees a GPU, else the CPU.</summary>
    public static TrainingDevice Detect()
    {
        if (cuda.is_available())
        {
            var gpu = QueryNvidiaSmi("name,memory.total");
            return new TrainingDevice(TrainingDevice.Cuda, gpu?[0] ?? "CUDA device 0", MebibytesToBytes(gpu?[1]));
        }
        return new TrainingDevice(TrainingDevice.Cpu, CpuModelName(), ReadMemInfo("MemTotal:"));
    }

    /// <summary>Free memory of <paramref name="device"/> now, in bytes.</summary>
    public static long FreeMemoryBytes(TrainingDevice device) => device.Kind == TrainingDevice.Cuda
        ? MebibytesToBytes(QueryNvidiaSmi("memory.free")?[0])
        : ReadMemInfo("MemAvailable:");

    private static string CpuModelName()
    {
        var line = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        var model = line?[(line.IndexOf(':') + 1)..].Trim();
        return $"{(string.IsNullOrEmpty(model) ? "processor" : model)}, {Environment.ProcessorCount} cores";
    }

    private static long ReadMemInfo(string field)
    {
        var line = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            : null;
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kib, out var value) ? value * 1024 : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static long MebibytesToBytes(string? mebibytes) =>
        long.TryParse(mebibytes, out var value) ? value * 1024 * 1024 : 0;

    private static string[]? QueryNvidiaSmi(string fields)
    {
        try
        {
            using var smi = Process.Start(new ProcessStartInfo("nvidia-smi",
                $"--query-gpu={fields} --format=csv,noheader,nounits --id=0") { RedirectStandardOutput = true });
            if (smi is null) return null;
            var output = smi.StandardOutput.ReadToEnd();
            smi.WaitForExit(5000);
            return smi.ExitCode == 0 ? output.Trim().Split(',', StringSplitOptions.TrimEntries) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
