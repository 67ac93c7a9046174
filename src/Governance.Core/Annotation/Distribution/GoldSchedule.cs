namespace Governance.Core.Annotation.Distribution;

/// <summary>
/// Whether an annotator's next task is a gold record: reproducible per annotator and task number, so that over many
/// tasks the share approaches the configured rate and an annotator cannot predict which tasks are gold.
/// </summary>
public static class GoldSchedule
{
    /// <summary>True when task number <paramref name="taskNumber"/> (0-based) of <paramref name="annotator"/> should be gold.</summary>
    public static bool IsGold(Guid project, string annotator, long taskNumber, double rate) =>
        rate > 0 && ShownOrder.Bit(project, annotator, taskNumber, "gold") / (double)ulong.MaxValue < rate;
}
