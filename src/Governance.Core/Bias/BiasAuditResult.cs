namespace Governance.Core.Bias;

/// <summary>
/// The findings of a bias audit: the same records and configuration always give an equal result, axes and groups in
/// ordinal order, ratios and rates rounded to six decimals. Store it with the dataset version it describes.
/// </summary>
/// <param name="ConfigurationHash">The <see cref="BiasConfigurationJson.Hash"/> of the configuration used.</param>
/// <param name="Records">Records read.</param>
/// <param name="LabelledRecords">Records with a label (when the configuration names a label field).</param>
/// <param name="PreferenceRecords">Records with both a chosen and a rejected response.</param>
/// <param name="Axes">The findings per axis.</param>
/// <param name="Verdict">The worst verdict of any metric; <see cref="BiasVerdict.InsufficientData"/> only when nothing could be judged.</param>
public sealed record BiasAuditResult(
    string ConfigurationHash, long Records, long LabelledRecords, long PreferenceRecords, IReadOnlyList<AxisFindings> Axes, BiasVerdict Verdict);

/// <summary>The metrics of one axis; those the data cannot support (no labels, no preference pairs, no negative terms) are null.</summary>
public sealed record AxisFindings(
    string Axis, RepresentationFinding Representation, RateFinding? NegativeCooccurrence, BaseRateFinding? BaseRates,
    RateFinding? PreferenceChoice, BiasVerdict Verdict);

/// <summary>
/// How often each group is mentioned; the ratio is the least mentioned group's count over the most mentioned one's.
/// <see cref="Mentions"/> sums the groups' record counts (a record mentioning two groups counts for both); below
/// <see cref="BiasThresholds.MinimumRecords"/> there is no verdict.
/// </summary>
public sealed record RepresentationFinding(IReadOnlyList<GroupShare> Groups, long Mentions, double? MinMaxRatio, BiasVerdict Verdict);

/// <summary>A group's records and its share of <see cref="RepresentationFinding.Mentions"/>.</summary>
public sealed record GroupShare(string Group, long Records, double Share);

/// <summary>
/// A rate per group compared across groups: the share of a group's records that also carry a negative term, or the
/// share of preference pairs, with the group in exactly one response, where that response is the chosen one.
/// The ratio is the lowest rate over the highest among groups with enough records.
/// </summary>
public sealed record RateFinding(IReadOnlyList<GroupRate> Groups, double? MinMaxRatio, BiasVerdict Verdict);

/// <summary>A group's rate: <see cref="Hits"/> of <see cref="Records"/>; <see cref="Sufficient"/> when there are enough records to judge it.</summary>
public sealed record GroupRate(string Group, long Records, long Hits, double? Rate, bool Sufficient);

/// <summary>
/// Favourable-label base rates per group, with AIF360's disparate impact (unprivileged base rate over the privileged
/// group's) and statistical parity difference (unprivileged minus privileged). <see cref="PrivilegedGroup"/> is the
/// configured one, or else the group with the highest base rate among those with enough records.
/// </summary>
public sealed record BaseRateFinding(string? PrivilegedGroup, IReadOnlyList<GroupBaseRate> Groups, double? MinMaxRatio, BiasVerdict Verdict);

/// <summary>
/// One group's labelled records, favourable ones, base rate P(favourable | group), and its comparison with the
/// privileged group. The verdict judges the disparate impact, or its inverse when above 1, so that favouring either
/// side by the same factor gets the same verdict.
/// </summary>
public sealed record GroupBaseRate(
    string Group, long Records, long Favourable, double? BaseRate, double? DisparateImpact, double? StatisticalParityDifference, BiasVerdict Verdict);
