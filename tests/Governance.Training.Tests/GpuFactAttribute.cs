namespace Governance.Training.Tests;

/// <summary>A test that needs a CUDA GPU: skipped, with the reason shown, where libtorch sees none.</summary>
public sealed class GpuFactAttribute : FactAttribute
{
    public GpuFactAttribute()
    {
        if (!TorchSharp.torch.cuda.is_available()) Skip = "No CUDA device here (GPU test)";
    }
}
