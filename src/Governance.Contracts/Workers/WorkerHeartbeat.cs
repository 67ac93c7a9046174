namespace Governance.Contracts.Workers;

/// <summary>A training worker announces that it is alive and what device it trains on.</summary>
/// <param name="WorkerName">The worker's unique name.</param>
/// <param name="DeviceKind">CPU or CUDA.</param>
/// <param name="DeviceName">The processor or GPU model.</param>
/// <param name="DeviceMemoryBytes">System memory for CPU, GPU memory for CUDA.</param>
/// <param name="FreeMemoryBytes">Free memory of that device now.</param>
/// <param name="Version">The worker's product version.</param>
/// <param name="SentUtc">When the heartbeat left the worker.</param>
public sealed record WorkerHeartbeat(
    string WorkerName,
    string DeviceKind,
    string DeviceName,
    long DeviceMemoryBytes,
    long FreeMemoryBytes,
    string Version,
    DateTimeOffset SentUtc);
