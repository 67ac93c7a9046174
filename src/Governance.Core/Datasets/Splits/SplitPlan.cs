using Governance.Core.Validation;

namespace Governance.Core.Datasets.Splits;

/// <summary>The part of a version a record belongs to.</summary>
public enum Split
{
    /// <summary>Used to fit the model.</summary>
    Train,

    /// <summary>Used to choose checkpoints and settings.</summary>
    Validation,

    /// <summary>Held out for the final evaluation.</summary>
    Test,
}

/// <summary>How to split a version: fractions that add up to 1, a seed, and whether to keep label proportions per split.</summary>
public sealed record SplitPlan(double Train, double Validation, double Test, int Seed, bool Stratify)
{
    /// <summary>80/10/10 with seed 42, stratified where labels exist.</summary>
    public static SplitPlan Default { get; } = new(0.8, 0.1, 0.1, 42, true);

    /// <summary>Refuses negative fractions or fractions that do not add up to 1, naming the field.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { ("train", Train), ("validation", Validation), ("test", Test) })
            if (value is < 0 or > 1 || double.IsNaN(value)) throw new ValidationError(name, $"The {name} fraction must lie between 0 and 1; got {value}.");
        if (Math.Abs(Train + Validation + Test - 1) > 1e-9)
            throw new ValidationError("train", $"The fractions add up to {Train + Validation + Test}; they must add up to 1.");
        if (Train == 0) throw new ValidationError("train", "The train fraction must be above 0.");
    }
}
