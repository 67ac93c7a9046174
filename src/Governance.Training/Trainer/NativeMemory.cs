using System.Runtime.InteropServices;

namespace Governance.Training.Trainer;

/// <summary>
/// The one place that tunes glibc's allocator for training. Inside <see cref="ReuseLargeBlocks"/> freed blocks stay in
/// the C heap for the next step to reuse: glibc otherwise serves every block above its mmap threshold (32 MiB at most)
/// with a fresh mapping, so a step's largest buffers (the logits: 67 MB at vocabulary 8,192 and 2,048 tokens) are
/// faulted in page by page on every step. The heap then no longer shrinks by itself, so a long run hands its free pages
/// back every few steps with <see cref="TrimFreedMemory"/>, which keeps resident memory flat.
/// </summary>
public static class NativeMemory
{
    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD in glibc's malloc.h
    private const int MmapMaxOption = -4;       // M_MMAP_MAX
    private const int DefaultTrimThreshold = 128 * 1024;
    private const int DefaultMmapMax = 65536;

    /// <summary>
    /// Keeps large freed blocks in the heap until the scope is disposed, which restores glibc's defaults and hands the
    /// free pages back. Does nothing where the C library is not glibc.
    /// </summary>
    public static IDisposable ReuseLargeBlocks()
    {
        Set(MmapMaxOption, 0);
        Set(TrimThresholdOption, int.MaxValue);
        return new Restore();
    }

    /// <summary>
    /// Hands the C heap's free pages back to the system now (glibc's malloc_trim). Cheap when called every few steps
    /// rather than on every allocation; returns false where the C library is not glibc.
    /// </summary>
    public static bool TrimFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            malloc_trim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool Set(int option, int value)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(option, value) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose()
        {
            Set(MmapMaxOption, DefaultMmapMax);
            Set(TrimThresholdOption, DefaultTrimThreshold);
            TrimFreedMemory();
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int option, int value);
}
