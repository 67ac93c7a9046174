using Governance.Core.Configuration;
using Governance.Core.Workers;

namespace Governance.Core.Tests;

public sealed class WorkerLivenessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_worker_is_live_until_it_misses_the_allowed_number_of_beats()
    {
        var liveness = new WorkerLiveness(TimeSpan.FromSeconds(10), MissedBeatsBeforeLost: 3);
        Assert.Equal(WorkerState.Live, liveness.StateAt(Now.AddSeconds(-30), Now));
        Assert.Equal(WorkerState.Lost, liveness.StateAt(Now.AddSeconds(-31), Now));
    }

    [Fact]
    public void Liveness_is_read_from_the_worker_settings_with_defaults_of_10_seconds_and_3_beats()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), WorkerLiveness.Read(new SettingReader(_ => null)).Window);
        var custom = new Dictionary<string, string> { ["Workers:HeartbeatSeconds"] = "2", ["Workers:MissedBeatsBeforeLost"] = "5" };
        Assert.Equal(TimeSpan.FromSeconds(10), WorkerLiveness.Read(new SettingReader(custom.GetValueOrDefault)).Window);
    }
}
