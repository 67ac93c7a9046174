namespace Governance.Training.Devices;

/// <summary>The device a worker trains on, as reported in heartbeats and logs.</summary>
/// <param name="Kind">CPU or CUDA.</param>
/// <param name="Name">The processor or GPU model.</param>
/// <param name="MemoryBytes">System memory for CPU, GPU memory for CUDA.</param>
public sealed record TrainingDevice(string Kind, string Name, long MemoryBytes)
{
    public const string Cpu = "CPU";
    public const string Cuda = "CUDA";

    /// <summary>The TorchSharp device string: "cuda" or "cpu".</summary>
    public string TorchName => Kind == Cuda ? "cuda" : "cpu";

    public override string ToString() => $"{Kind}: {Name} ({MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB)";
}
