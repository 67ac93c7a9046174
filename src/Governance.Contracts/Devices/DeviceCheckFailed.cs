namespace Governance.Contracts.Devices;

/// <summary>A worker could not run a <see cref="RunDeviceCheck"/>.</summary>
/// <param name="CheckId">The check answered.</param>
/// <param name="WorkerName">The worker that tried.</param>
/// <param name="Reason">What went wrong, in words an operator can act on.</param>
/// <param name="FailedUtc">When it failed.</param>
public sealed record DeviceCheckFailed(Guid CheckId, string WorkerName, string Reason, DateTimeOffset FailedUtc);
