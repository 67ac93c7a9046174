namespace Governance.Core.Annotation.Agreement;

/// <summary>One annotator's answer for one item.</summary>
/// <param name="Item">The item (record) answered.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Label">The answer: a category, or a number for ordinal, interval and ratio data.</param>
public sealed record Rating(string Item, string Annotator, string Label);

/// <summary>How the answers relate to one another, which decides how far apart two different answers are.</summary>
public enum MeasurementLevel
{
    /// <summary>Categories: two answers agree or not.</summary>
    Nominal,

    /// <summary>Ranks: the distance counts the answers that fall between.</summary>
    Ordinal,

    /// <summary>Numbers whose differences matter.</summary>
    Interval,

    /// <summary>Numbers whose ratios matter (with a true zero).</summary>
    Ratio,
}

/// <summary>An agreement coefficient, what it was computed over, and at which level.</summary>
public sealed record AgreementResult(string Metric, string? Level, double Value, int Items, int Annotators);
