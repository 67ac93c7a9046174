namespace Governance.Training.Benchmarks;

/// <summary>The process's resident set size and its high-water mark, as the kernel reports them (VmRSS, VmHWM).</summary>
public static class ResidentMemory
{
    private const string StatusPath = "/proc/self/status";

    /// <summary>Bytes resident now; 0 where /proc is absent.</summary>
    public static long Bytes() => Read("VmRSS:");

    /// <summary>The most bytes resident at once since the process started or since <see cref="ResetPeak"/>; 0 where /proc is absent.</summary>
    public static long Peak() => Read("VmHWM:");

    /// <summary>
    /// Restarts <see cref="Peak"/> from the bytes resident now (Linux: "5" written to /proc/self/clear_refs). False where
    /// the kernel refuses; the peak then still counts from the process's start.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string field)
    {
        if (!File.Exists(StatusPath)) return 0;
        var line = File.ReadLines(StatusPath).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kib, out var value) ? value * 1024 : 0;
    }
}
