namespace Governance.Training.Benchmarks;

/// <summary>The process's resident set size, as the kernel reports it (VmRSS).</summary>
public static class ResidentMemory
{
    /// <summary>Bytes resident now; 0 where /proc is absent.</summary>
    public static long Bytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kib, out var value) ? value * 1024 : 0;
    }
}
