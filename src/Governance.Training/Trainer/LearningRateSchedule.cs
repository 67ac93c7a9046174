namespace Governance.Training.Trainer;

/// <summary>
/// The learning rate of each optimiser step: linear warm-up from zero, then constant, linear or cosine decay, as
/// transformers' get_constant_schedule_with_warmup, get_linear_schedule_with_warmup and
/// get_cosine_schedule_with_warmup (half a cycle) define them. Step 0 is the first optimiser step.
/// </summary>
public sealed record LearningRateSchedule(ScheduleKind Kind, double PeakRate, long WarmupSteps, long TotalSteps)
{
    /// <summary>The learning rate used by optimiser step <paramref name="step"/>.</summary>
    public double RateAt(long step) => PeakRate * Factor(step);

    /// <summary>The multiplier of the peak rate at <paramref name="step"/>.</summary>
    public double Factor(long step)
    {
        if (step < WarmupSteps) return (double)step / Math.Max(1, WarmupSteps);
        var progress = (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps);
        return Kind switch
        {
            ScheduleKind.Constant => 1,
            ScheduleKind.Linear => Math.Max(0, 1 - progress),
            ScheduleKind.Cosine => Math.Max(0, 0.5 * (1 + Math.Cos(Math.PI * progress))),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }
}
