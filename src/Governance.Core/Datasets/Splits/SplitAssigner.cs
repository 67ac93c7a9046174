namespace Governance.Core.Datasets.Splits;

/// <summary>
/// Assigns records to splits, the same way every time for the same records, plan and seed. Within each stratum
/// (each label, or everything when not stratified) the records are shuffled with the seed, then cut by the fractions;
/// counts are rounded so that each split's share of every stratum is as close as whole records allow.
/// </summary>
public static class SplitAssigner
{
    /// <summary>The split of each record, by position; <paramref name="strata"/> gives each record's stratum (or null).</summary>
    public static Split[] Assign(IReadOnlyList<string?> strata, SplitPlan plan)
    {
        plan.Validate();
        var result = new Split[strata.Count];
        var groups = plan.Stratify
            ? Enumerable.Range(0, strata.Count).GroupBy(i => strata[i] ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            : Enumerable.Range(0, strata.Count).GroupBy(_ => "");
        foreach (var group in groups)
        {
            var members = group.ToArray();
            var random = new Random(unchecked(plan.Seed * 16777619 ^ StableHash(group.Key)));
            for (var i = members.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            var (train, validation) = Counts(members.Length, plan);
            for (var k = 0; k < members.Length; k++)
                result[members[k]] = k < train ? Split.Train : k < train + validation ? Split.Validation : Split.Test;
        }
        return result;
    }

    /// <summary>Whole-record counts for train and validation by largest remainder; test takes the rest.</summary>
    private static (int Train, int Validation) Counts(int n, SplitPlan plan)
    {
        double[] exact = [n * plan.Train, n * plan.Validation, n * plan.Test];
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var index in Enumerable.Range(0, 3).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(n - counts.Sum()))
            counts[index]++;
        return (counts[0], counts[1]);
    }

    /// <summary>A string hash that does not change between processes (string.GetHashCode does).</summary>
    private static int StableHash(string value)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in value) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
