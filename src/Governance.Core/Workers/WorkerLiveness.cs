using Governance.Core.Configuration;

namespace Governance.Core.Workers;

/// <summary>Whether a worker still reports in.</summary>
public enum WorkerState
{
    /// <summary>A heartbeat arrived within the liveness window.</summary>
    Live,

    /// <summary>No heartbeat within the liveness window: the worker stopped, crashed or lost the broker.</summary>
    Lost,
}

/// <summary>Decides liveness from the last heartbeat; the one place that rule lives.</summary>
/// <param name="HeartbeatInterval">How often workers send a heartbeat.</param>
/// <param name="MissedBeatsBeforeLost">How many intervals may pass silently before a worker counts as lost.</param>
public sealed record WorkerLiveness(TimeSpan HeartbeatInterval, int MissedBeatsBeforeLost = 3)
{
    /// <summary>The silence after which a worker is lost.</summary>
    public TimeSpan Window => HeartbeatInterval * MissedBeatsBeforeLost;

    /// <summary>The state of a worker whose last heartbeat was at <paramref name="lastHeartbeatUtc"/>.</summary>
    public WorkerState StateAt(DateTimeOffset lastHeartbeatUtc, DateTimeOffset nowUtc) =>
        nowUtc - lastHeartbeatUtc <= Window ? WorkerState.Live : WorkerState.Lost;

    /// <summary>The heartbeat interval and tolerance shared by workers and the portal.</summary>
    public static WorkerLiveness Read(SettingReader settings) => new(
        TimeSpan.FromSeconds(settings.PositiveInt(SettingNames.HeartbeatSeconds, 10)),
        settings.PositiveInt(SettingNames.MissedBeatsBeforeLost, 3));
}
