namespace Governance.Core.Bias;

/// <summary>
/// Turns a ratio (1 is parity) into a verdict. The default fails below 0.8, the four-fifths rule of the US Uniform
/// Guidelines on employee selection that AIF360 and Fairlearn users apply to disparate impact, and warns below 0.9.
/// </summary>
public sealed record BiasThresholds
{
    /// <summary>A ratio below this fails.</summary>
    public double Fail { get; init; } = 0.8;

    /// <summary>A ratio below this, but not below <see cref="Fail"/>, warns.</summary>
    public double Warn { get; init; } = 0.9;

    /// <summary>
    /// Groups with fewer records than this are reported but not judged: a handful of records proves nothing. For
    /// representation the axis's mentions in total must reach it, since a rarely mentioned group is itself the finding.
    /// </summary>
    public int MinimumRecords { get; init; } = 30;

    /// <summary>The verdict on <paramref name="ratio"/>.</summary>
    public BiasVerdict Judge(double ratio) =>
        ratio < Fail ? BiasVerdict.Fail : ratio < Warn ? BiasVerdict.Warn : BiasVerdict.Pass;
}

/// <summary>The outcome of one metric against the thresholds.</summary>
public enum BiasVerdict
{
    /// <summary>At or above the warning threshold.</summary>
    Pass,

    /// <summary>Below the warning threshold, at or above the failing one.</summary>
    Warn,

    /// <summary>Below the failing threshold.</summary>
    Fail,

    /// <summary>Too few records to judge.</summary>
    InsufficientData,
}
