using Governance.Training.Trainer;

namespace Governance.Training.Tests.Trainer;

public sealed class LearningRateScheduleTests
{
    // Peak 1e-3, 2 warm-up steps, 10 steps in all: decay progress at step s is (s - 2) / 8.
    [Theory]
    [InlineData(ScheduleKind.Linear, 0, 0.0)]
    [InlineData(ScheduleKind.Linear, 1, 0.5e-3)]
    [InlineData(ScheduleKind.Linear, 2, 1e-3)]
    [InlineData(ScheduleKind.Linear, 4, 0.75e-3)]
    [InlineData(ScheduleKind.Linear, 6, 0.5e-3)]
    [InlineData(ScheduleKind.Linear, 10, 0.0)]
    [InlineData(ScheduleKind.Cosine, 1, 0.5e-3)]
    [InlineData(ScheduleKind.Cosine, 2, 1e-3)]
    [InlineData(ScheduleKind.Cosine, 4, 0.8535533905932737e-3)] // 0.5 * (1 + cos(pi / 4))
    [InlineData(ScheduleKind.Cosine, 6, 0.5e-3)]
    [InlineData(ScheduleKind.Cosine, 8, 0.1464466094067262e-3)] // 0.5 * (1 + cos(3 pi / 4))
    [InlineData(ScheduleKind.Cosine, 10, 0.0)]
    [InlineData(ScheduleKind.Constant, 1, 0.5e-3)]
    [InlineData(ScheduleKind.Constant, 9, 1e-3)]
    public void The_rate_warms_up_linearly_then_follows_the_chosen_decay(ScheduleKind kind, long step, double expected)
    {
        var schedule = new LearningRateSchedule(kind, PeakRate: 1e-3, WarmupSteps: 2, TotalSteps: 10);

        Assert.Equal(expected, schedule.RateAt(step), 1e-15);
    }

    [Fact]
    public void Without_warm_up_the_first_step_uses_the_peak_rate()
    {
        Assert.Equal(1e-3, new LearningRateSchedule(ScheduleKind.Linear, 1e-3, 0, 10).RateAt(0));
    }
}
