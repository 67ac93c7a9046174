namespace Governance.Core.Bias;

/// <summary>
/// What a bias audit looks for: the axes (gender, religion, ...) with their groups and terms, the negative and toxic
/// terms whose co-occurrence with a group is measured, the label that makes a record favourable, and the thresholds
/// that turn each metric into a verdict. Compliance officers edit it as JSON (<see cref="BiasConfigurationJson"/>);
/// an audit stores its <see cref="BiasConfigurationJson.Hash"/> so that it can be repeated.
/// </summary>
public sealed record BiasConfiguration
{
    /// <summary>The dimensions audited, each with at least two groups.</summary>
    public IReadOnlyList<BiasAxis> Axes { get; init; } = [];

    /// <summary>Negative-sentiment and toxic terms; empty turns the co-occurrence metric off.</summary>
    public IReadOnlyList<string> NegativeTerms { get; init; } = [];

    /// <summary>Where a record's label is and which values are favourable; null when the data has no labels.</summary>
    public BiasLabel? Label { get; init; }

    /// <summary>The ratios below which a metric warns or fails, and the smallest group worth judging.</summary>
    public BiasThresholds Thresholds { get; init; } = new();

    /// <summary>The built-in configuration: seven axes with modest English term lists, no label, the four-fifths rule.</summary>
    public static BiasConfiguration Default { get; } = DefaultBiasConfiguration.Create();
}
