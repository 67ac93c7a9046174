using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Statistics;

/// <summary>
/// Builds a version's <see cref="VersionStatistics"/> from its records, fed one at a time in order. Keeps a token
/// count per record (4 bytes), a hash per record for exact duplicates (16 bytes) and a MinHash signature (128 bytes).
/// </summary>
public sealed class StatisticsBuilder(double nearDuplicateThreshold = NearDuplicateFinder.DefaultThreshold)
{
    /// <summary>How many near-duplicate pairs the statistics list; the count covers all.</summary>
    public const int SampleSize = 200;

    private readonly List<int> _tokens = [];
    private readonly HashSet<UInt128> _seen = [];
    private readonly Dictionary<string, long> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _languages = new(StringComparer.Ordinal);
    private readonly NearDuplicateFinder _nearDuplicates = new(nearDuplicateThreshold);
    private long _exactDuplicates;

    /// <summary>Adds the next record, with the SHA-256 (hex) of its canonical line.</summary>
    public void Add(DatasetRecord record, string hash)
    {
        var text = record.SearchableText;
        _tokens.Add(GptTokens.Count(text));
        if (!_seen.Add(UInt128.Parse(hash.AsSpan(0, 32), System.Globalization.NumberStyles.HexNumber))) _exactDuplicates++;
        foreach (var label in record.Labels ?? []) _labels[label] = _labels.GetValueOrDefault(label) + 1;
        var language = LanguageGuesser.Guess(text);
        _languages[language] = _languages.GetValueOrDefault(language) + 1;
        _nearDuplicates.Add(text);
    }

    /// <summary>The statistics of everything added.</summary>
    public VersionStatistics Build()
    {
        var sorted = _tokens.ToArray();
        Array.Sort(sorted);
        var pairs = _nearDuplicates.Find();
        return new VersionStatistics(
            sorted.Length, sorted.Sum(t => (long)t), sorted.Length == 0 ? 0 : Math.Round(sorted.Average(), 2),
            Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted.Length == 0 ? 0 : sorted[^1],
            Histogram(sorted), Commonest(_labels), _exactDuplicates,
            _nearDuplicates.Threshold, pairs.Count, [.. pairs.Take(SampleSize)], Commonest(_languages));
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static int Percentile(int[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Buckets [0,1), [1,2), [2,4), [4,8) ... up to the longest record.</summary>
    private static List<LengthBucket> Histogram(int[] sorted)
    {
        var buckets = new List<LengthBucket>();
        if (sorted.Length == 0) return buckets;
        var index = 0;
        for (int from = 0, to = 1; from <= sorted[^1]; from = to, to *= 2)
        {
            long count = 0;
            while (index < sorted.Length && sorted[index] < to) { count++; index++; }
            buckets.Add(new LengthBucket(from, to, count));
        }
        return buckets;
    }

    private static List<KeyValuePair<string, long>> Commonest(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
