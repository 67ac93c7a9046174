namespace Governance.Core.Devices;

/// <summary>Where a device check stands.</summary>
public enum DeviceCheckStatus
{
    /// <summary>Stored with its outgoing message; not yet taken by a worker.</summary>
    Queued,

    /// <summary>A worker measured its device.</summary>
    Completed,

    /// <summary>The worker could not run the check; <see cref="DeviceCheck.Error"/> says why.</summary>
    Failed,
}

/// <summary>
/// A request that a training worker multiply two matrices on its device and report the rate: proof that the
/// portal, the outbox, the broker, a worker and its TorchSharp backend work together.
/// </summary>
public sealed class DeviceCheck
{
    /// <summary>The check's identity, also carried by its messages.</summary>
    public Guid Id { get; init; }

    /// <summary>The side of the square matrices multiplied.</summary>
    public int MatrixSize { get; init; }

    /// <summary>Who asked for it (user name).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset RequestedUtc { get; init; }

    /// <summary>Where it stands.</summary>
    public DeviceCheckStatus Status { get; private set; }

    /// <summary>The worker that answered.</summary>
    public string? WorkerName { get; private set; }

    /// <summary>The device the worker used, e.g. "CPU: Intel Xeon" or "CUDA: NVIDIA H200".</summary>
    public string? Device { get; private set; }

    /// <summary>The measured matrix-multiplication rate.</summary>
    public double? GigaflopsPerSecond { get; private set; }

    /// <summary>When the answer arrived.</summary>
    public DateTimeOffset? AnsweredUtc { get; private set; }

    /// <summary>Why the check failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Records a worker's measurement; a repeated answer for a finished check changes nothing.</summary>
    public void Complete(string workerName, string device, double gigaflopsPerSecond, DateTimeOffset answeredUtc)
    {
        if (Status != DeviceCheckStatus.Queued) return;
        (Status, WorkerName, Device, GigaflopsPerSecond, AnsweredUtc) =
            (DeviceCheckStatus.Completed, workerName, device, gigaflopsPerSecond, answeredUtc);
    }

    /// <summary>Records a worker's failure; a repeated answer for a finished check changes nothing.</summary>
    public void Fail(string workerName, string error, DateTimeOffset answeredUtc)
    {
        if (Status != DeviceCheckStatus.Queued) return;
        (Status, WorkerName, Error, AnsweredUtc) = (DeviceCheckStatus.Failed, workerName, error, answeredUtc);
    }
}
