using Governance.Training.Trainer;

namespace Governance.Training.Tests.Trainer;

public sealed class NativeMemoryTests
{
    [Fact]
    public void On_Linux_glibc_accepts_the_fixed_mmap_threshold()
    {
        Assert.Equal(OperatingSystem.IsLinux(), NativeMemory.ReturnFreedBlocksToSystem());
    }
}
