namespace Governance.Core.Workers;

/// <summary>A training worker as last reported by its heartbeat.</summary>
public sealed class WorkerRegistration
{
    /// <summary>The worker's unique name (host name and process by default).</summary>
    public required string Name { get; init; }

    /// <summary>CPU or CUDA.</summary>
    public required string DeviceKind { get; set; }

    /// <summary>The processor or GPU model.</summary>
    public required string DeviceName { get; set; }

    /// <summary>Memory of the device in bytes (system memory for CPU, GPU memory for CUDA).</summary>
    public long DeviceMemoryBytes { get; set; }

    /// <summary>Free memory of the device in bytes at the last heartbeat.</summary>
    public long FreeMemoryBytes { get; set; }

    /// <summary>The worker's product version.</summary>
    public required string Version { get; set; }

    /// <summary>When the worker first reported.</summary>
    public DateTimeOffset FirstSeenUtc { get; init; }

    /// <summary>When the last heartbeat was sent.</summary>
    public DateTimeOffset LastHeartbeatUtc { get; set; }
}
