namespace Governance.Core.Bias;

/// <summary>Turns an audit's counts into findings and verdicts, axis by axis, in the order of the sorted configuration.</summary>
internal static class BiasFindings
{
    public static BiasAuditResult Compute(BiasConfiguration configuration, string hash, BiasCounts counts)
    {
        var axes = new List<AxisFindings>();
        var first = 0;
        foreach (var axis in configuration.Axes)
        {
            axes.Add(Axis(axis, first, configuration, counts));
            first += axis.Groups.Count;
        }
        return new BiasAuditResult(hash, counts.Records, counts.LabelledRecords, counts.PreferenceRecords, axes, Worst(axes.Select(a => a.Verdict)));
    }

    /// <summary>The worst judged verdict; <see cref="BiasVerdict.InsufficientData"/> when none was judged.</summary>
    public static BiasVerdict Worst(IEnumerable<BiasVerdict?> verdicts)
    {
        var judged = verdicts.OfType<BiasVerdict>().Where(v => v != BiasVerdict.InsufficientData).ToList();
        return judged.Count == 0 ? BiasVerdict.InsufficientData : judged.Max();
    }

    private static BiasVerdict Worst(IEnumerable<BiasVerdict> verdicts) => Worst(verdicts.Select(v => (BiasVerdict?)v));

    private static AxisFindings Axis(BiasAxis axis, int first, BiasConfiguration configuration, BiasCounts counts)
    {
        var names = axis.Groups.Select(g => g.Name).ToArray();
        long[] Slice(long[] all) => all[first..(first + names.Length)];
        var thresholds = configuration.Thresholds;
        var representation = Representation(names, Slice(counts.Mentions), thresholds);
        var negative = configuration.NegativeTerms.Count == 0 ? null : Rates(names, Slice(counts.Mentions), Slice(counts.Negative), thresholds);
        var baseRates = configuration.Label is null || counts.LabelledRecords == 0
            ? null : BaseRates.Compare(names, Slice(counts.Labelled), Slice(counts.Favourable), axis.PrivilegedGroup, thresholds);
        var preference = counts.PreferenceRecords == 0 ? null : Rates(names, Slice(counts.Pairs), Slice(counts.Chosen), thresholds);
        return new AxisFindings(axis.Name, representation, negative, baseRates, preference,
            Worst([representation.Verdict, negative?.Verdict, baseRates?.Verdict, preference?.Verdict]));
    }

    private static RepresentationFinding Representation(string[] names, long[] records, BiasThresholds thresholds)
    {
        var total = records.Sum();
        var groups = names.Select((name, g) => new GroupShare(name, records[g], total == 0 ? 0 : Round((double)records[g] / total))).ToList();
        var ratio = records.Max() == 0 ? (double?)null : Round((double)records.Min() / records.Max());
        var verdict = ratio is { } r && total >= thresholds.MinimumRecords ? thresholds.Judge(r) : BiasVerdict.InsufficientData;
        return new RepresentationFinding(groups, total, ratio, verdict);
    }

    private static RateFinding Rates(string[] names, long[] records, long[] hits, BiasThresholds thresholds)
    {
        var groups = names.Select((name, g) => new GroupRate(name, records[g], hits[g],
            records[g] == 0 ? null : Round((double)hits[g] / records[g]), records[g] >= thresholds.MinimumRecords)).ToList();
        var judged = Enumerable.Range(0, names.Length).Where(g => groups[g].Sufficient).Select(g => (double)hits[g] / records[g]).ToList();
        if (judged.Count < 2) return new RateFinding(groups, null, BiasVerdict.InsufficientData);
        var ratio = MinOverMax(judged);
        return new RateFinding(groups, ratio, thresholds.Judge(ratio));
    }

    /// <summary>The lowest rate over the highest, rounded; 1 when every rate is 0 (the groups are alike).</summary>
    public static double MinOverMax(IReadOnlyCollection<double> rates) => rates.Max() == 0 ? 1 : Round(rates.Min() / rates.Max());

    /// <summary>Six decimals: enough for any threshold, and the same digits on every machine and in every stored result.</summary>
    public static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);
}
