namespace Governance.Core.Bias;

/// <summary>
/// Base rates and their comparison with a privileged group, as AIF360's BinaryLabelDatasetMetric defines them:
/// disparate impact P(fav | unprivileged) / P(fav | privileged), statistical parity difference P(fav | unprivileged) -
/// P(fav | privileged). Each group in turn is the unprivileged one.
/// </summary>
internal static class BaseRates
{
    public static BaseRateFinding Compare(string[] names, long[] labelled, long[] favourable, string? privileged, BiasThresholds thresholds)
    {
        bool Sufficient(int g) => labelled[g] >= thresholds.MinimumRecords;
        double Rate(int g) => (double)favourable[g] / labelled[g];
        var judged = Enumerable.Range(0, names.Length).Where(Sufficient).ToList();
        // Without a configured privileged group, the most favoured one is the reference: then DI is at most 1 for all others.
        var reference = privileged is null ? judged.Cast<int?>().MaxBy(g => Rate(g!.Value)) : Array.IndexOf(names, privileged);
        // Compared with itself alone, the reference would pass: with fewer than two judged groups there is no verdict.
        var usable = reference is { } r && r >= 0 && Sufficient(r) && judged.Count >= 2;
        var groups = names.Select((name, g) => usable && Sufficient(g)
            ? Compared(name, labelled[g], favourable[g], Rate(g), Rate(reference!.Value), thresholds)
            : new GroupBaseRate(name, labelled[g], favourable[g], labelled[g] == 0 ? null : BiasFindings.Round(Rate(g)), null, null, BiasVerdict.InsufficientData))
            .ToList();
        var ratio = judged.Count < 2 ? (double?)null : BiasFindings.MinOverMax([.. judged.Select(Rate)]);
        var name = reference is { } known && known >= 0 ? names[known] : privileged;
        return new BaseRateFinding(name, groups, ratio, BiasFindings.Worst(groups.Select(g => (BiasVerdict?)g.Verdict)));
    }

    private static GroupBaseRate Compared(string name, long labelled, long favourable, double rate, double reference, BiasThresholds thresholds)
    {
        // A privileged rate of 0: equal when the group's is 0 too, infinitely apart (judged as 0) otherwise.
        double? impact = reference == 0 ? (rate == 0 ? 1 : null) : BiasFindings.Round(rate / reference);
        var judged = impact is not { } di ? 0 : di <= 1 ? di : BiasFindings.Round(1 / di);
        return new GroupBaseRate(name, labelled, favourable, BiasFindings.Round(rate), impact, BiasFindings.Round(rate - reference), thresholds.Judge(judged));
    }
}
