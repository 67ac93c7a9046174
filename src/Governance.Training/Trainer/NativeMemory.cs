using System.Runtime.InteropServices;

namespace Governance.Training.Trainer;

/// <summary>
/// Keeps a long training process's resident memory flat. glibc raises its mmap threshold as large blocks are freed and
/// then keeps libtorch's freed step buffers in its heap, so a process grows by tens of MiB per step although every
/// tensor is disposed. A fixed 128 KiB threshold makes such blocks go back to the system when freed.
/// </summary>
public static class NativeMemory
{
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD in glibc's malloc.h
    private const int MmapThresholdBytes = 128 * 1024;

    /// <summary>
    /// Fixes glibc's mmap threshold for this process; call once at start-up of a training process. Returns false where
    /// the C library is not glibc (nothing is changed there).
    /// </summary>
    public static bool ReturnFreedBlocksToSystem()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MmapThresholdOption, MmapThresholdBytes) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Hands the C heap's free pages back to the system now (glibc's malloc_trim). Cheaper than a fixed threshold when
    /// called every few steps rather than on every allocation; returns false where the C library is not glibc.
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

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int option, int value);
}
