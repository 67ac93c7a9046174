using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>A batch's summed loss (a scalar tensor that can back-propagate) and its metrics summed over the batch's units.</summary>
public sealed record ObjectiveTerms(Tensor LossSum, IReadOnlyDictionary<string, double> MetricSums)
{
    /// <summary>Terms with no metrics.</summary>
    public ObjectiveTerms(Tensor lossSum) : this(lossSum, new Dictionary<string, double>()) { }
}
