namespace Governance.Training.Trainer;

/// <summary>Where a shuffled pass over the data stands: the epoch and the next index within its order.</summary>
public sealed record DataPosition(long Epoch, int Index);
