namespace Governance.Training.Objectives;

/// <summary>The loss and metrics of one optimiser step, averaged over all units of its micro-batches.</summary>
public sealed record AccumulatedLoss(double Loss, long Units, IReadOnlyDictionary<string, double> Metrics);
