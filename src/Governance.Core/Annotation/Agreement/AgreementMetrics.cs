using System.Globalization;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Agreement;

/// <summary>
/// Inter-annotator agreement: percent agreement, Cohen's kappa (two annotators), Fleiss' kappa (the same number of
/// answers per item) and Krippendorff's alpha (any number of annotators, missing answers allowed) at the nominal,
/// ordinal, interval and ratio levels. Inputs are answers as (item, annotator, label); an annotator answers an item
/// at most once.
/// </summary>
public static class AgreementMetrics
{
    /// <summary>The share of agreeing pairs of answers, averaged over the items with two answers or more.</summary>
    public static AgreementResult PercentAgreement(IReadOnlyCollection<Rating> ratings)
    {
        var items = ByItem(ratings).Where(i => i.Count >= 2).ToList();
        if (items.Count == 0) throw new ValidationError("input", "No item has two answers: agreement needs at least two annotators on an item.");
        var value = items.Average(answers =>
        {
            var pairs = answers.Count * (answers.Count - 1) / 2.0;
            var agreeing = answers.GroupBy(a => a.Label).Sum(g => g.Count() * (g.Count() - 1) / 2.0);
            return agreeing / pairs;
        });
        return Result("percent", null, value, ratings);
    }

    /// <summary>Cohen's kappa over the items both of exactly two annotators answered.</summary>
    public static AgreementResult CohenKappa(IReadOnlyCollection<Rating> ratings)
    {
        var annotators = ratings.Select(r => r.Annotator).Distinct().Order(StringComparer.Ordinal).ToList();
        if (annotators.Count != 2)
            throw new ValidationError("annotator", $"Cohen's kappa compares exactly two annotators; the input has {annotators.Count} ({string.Join(", ", annotators)}). Use fleiss or krippendorff.");
        var first = ratings.Where(r => r.Annotator == annotators[0]).ToDictionary(r => r.Item, r => r.Label);
        var pairs = ratings.Where(r => r.Annotator == annotators[1] && first.ContainsKey(r.Item)).Select(r => (A: first[r.Item], B: r.Label)).ToList();
        if (pairs.Count == 0) throw new ValidationError("item", "The two annotators answered no item in common.");
        var observed = pairs.Count(p => p.A == p.B) / (double)pairs.Count;
        var labels = pairs.Select(p => p.A).Concat(pairs.Select(p => p.B)).Distinct();
        var expected = labels.Sum(l => pairs.Count(p => p.A == l) / (double)pairs.Count * (pairs.Count(p => p.B == l) / (double)pairs.Count));
        return Result("cohen", null, Kappa(observed, expected), ratings);
    }

    /// <summary>Fleiss' kappa; every item must have the same number of answers (two or more).</summary>
    public static AgreementResult FleissKappa(IReadOnlyCollection<Rating> ratings)
    {
        var items = ByItem(ratings);
        var n = items[0].Count;
        if (items.FirstOrDefault(i => i.Count != n) is { } uneven)
            throw new ValidationError("item", $"Fleiss' kappa needs the same number of answers per item: item '{uneven[0].Item}' has {uneven.Count}, item '{items[0][0].Item}' has {n}. Use krippendorff for missing answers.");
        if (n < 2) throw new ValidationError("item", "Fleiss' kappa needs at least two answers per item.");
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var meanAgreement = 0.0;
        foreach (var answers in items)
        {
            var counts = answers.GroupBy(a => a.Label).Select(g => (g.Key, Count: g.Count())).ToList();
            meanAgreement += (counts.Sum(c => (double)c.Count * c.Count) - n) / (n * (n - 1.0));
            foreach (var (label, count) in counts) totals[label] = totals.GetValueOrDefault(label) + count;
        }
        meanAgreement /= items.Count;
        var expected = totals.Values.Sum(t => Math.Pow(t / (items.Count * (double)n), 2));
        return Result("fleiss", null, Kappa(meanAgreement, expected), ratings);
    }

    /// <summary>
    /// Krippendorff's alpha from the coincidence matrix of the items with two answers or more. Ordinal, interval and
    /// ratio levels need numeric labels.
    /// </summary>
    public static AgreementResult KrippendorffAlpha(IReadOnlyCollection<Rating> ratings, MeasurementLevel level)
    {
        var units = ByItem(ratings).Where(u => u.Count >= 2).ToList();
        if (units.Count == 0) throw new ValidationError("input", "No item has two answers: alpha needs at least one item answered twice.");
        var values = units.SelectMany(u => u).Select(r => r.Label).Distinct().ToList();
        var numbers = level == MeasurementLevel.Nominal ? null : values.ToDictionary(v => v, v => Number(v, ratings));
        if (numbers is not null) values = [.. values.OrderBy(v => numbers[v])];
        var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);

        var coincidences = new double[values.Count, values.Count];
        foreach (var unit in units)
        {
            var weight = 1.0 / (unit.Count - 1);
            for (var i = 0; i < unit.Count; i++)
                for (var j = 0; j < unit.Count; j++)
                    if (i != j) coincidences[index[unit[i].Label], index[unit[j].Label]] += weight;
        }
        var marginals = Enumerable.Range(0, values.Count).Select(c => Enumerable.Range(0, values.Count).Sum(k => coincidences[c, k])).ToArray();
        var total = marginals.Sum();

        double Distance(int c, int k)
        {
            if (c == k) return 0;
            switch (level)
            {
                case MeasurementLevel.Nominal: return 1;
                case MeasurementLevel.Interval: return Math.Pow(numbers![values[c]] - numbers[values[k]], 2);
                case MeasurementLevel.Ratio:
                    var (x, y) = (numbers![values[c]], numbers[values[k]]);
                    return x + y == 0 ? 0 : Math.Pow((x - y) / (x + y), 2);
                default:
                    var (low, high) = (Math.Min(c, k), Math.Max(c, k));
                    var between = 0.0;
                    for (var g = low; g <= high; g++) between += marginals[g];
                    return Math.Pow(between - (marginals[c] + marginals[k]) / 2, 2);
            }
        }

        double observed = 0, expected = 0;
        for (var c = 0; c < values.Count; c++)
            for (var k = 0; k < values.Count; k++)
            {
                var distance = Distance(c, k);
                observed += coincidences[c, k] * distance;
                expected += marginals[c] * marginals[k] * distance;
            }
        var value = expected == 0 ? 1 : 1 - (total - 1) * observed / expected;
        return Result("krippendorff", level.ToString().ToLowerInvariant(), value, ratings);
    }

    private static double Kappa(double observed, double expected) => expected >= 1 ? 1 : (observed - expected) / (1 - expected);

    private static double Number(string label, IReadOnlyCollection<Rating> ratings) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
            : throw new ValidationError("label", $"'{label}' (item '{ratings.First(r => r.Label == label).Item}') is not a number; " +
                                                 "ordinal, interval and ratio levels need numeric labels, or use --level nominal.");

    private static List<List<Rating>> ByItem(IReadOnlyCollection<Rating> ratings)
    {
        if (ratings.Count == 0) throw new ValidationError("input", "There are no answers to compare.");
        return [.. ratings.GroupBy(r => r.Item, StringComparer.Ordinal).Select(g => g.ToList())];
    }

    private static AgreementResult Result(string metric, string? level, double value, IReadOnlyCollection<Rating> ratings) =>
        new(metric, level, value, ratings.Select(r => r.Item).Distinct().Count(), ratings.Select(r => r.Annotator).Distinct().Count());
}
