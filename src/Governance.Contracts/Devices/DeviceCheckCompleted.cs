namespace Governance.Contracts.Devices;

/// <summary>A worker measured its device for a <see cref="RunDeviceCheck"/>.</summary>
/// <param name="CheckId">The check answered.</param>
/// <param name="WorkerName">The worker that ran it.</param>
/// <param name="Device">The device used, e.g. "CUDA: NVIDIA H200".</param>
/// <param name="GigaflopsPerSecond">The measured rate of the matrix product.</param>
/// <param name="CompletedUtc">When the measurement finished.</param>
public sealed record DeviceCheckCompleted(
    Guid CheckId, string WorkerName, string Device, double GigaflopsPerSecond, DateTimeOffset CompletedUtc);
