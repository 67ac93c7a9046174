using Governance.Core.Validation;

namespace Governance.Core.Datasets.Statistics;

/// <summary>Two records whose estimated Jaccard similarity reaches the threshold; indexes in the order they were added.</summary>
/// <param name="First">The earlier record.</param>
/// <param name="Second">The later record.</param>
/// <param name="Similarity">Estimated Jaccard similarity of their word 3-shingles.</param>
public sealed record NearDuplicatePair(long First, long Second, double Similarity);

/// <summary>
/// Finds near-duplicate records with MinHash and locality-sensitive hashing: signatures are cut into
/// <see cref="Bands"/> bands of four positions; records that agree on a whole band become candidates, and a candidate
/// pair counts when its estimated similarity reaches the threshold. With 16 bands of 4, a pair at similarity 0.7 is a
/// candidate with probability 0.98 and at 0.5 with 0.65, so thresholds below 0.5 are refused. Memory: 128 bytes per
/// record, plus 16 bytes per record while one band is sorted.
/// </summary>
public sealed class NearDuplicateFinder
{
    /// <summary>Bands the signature is cut into.</summary>
    public const int Bands = 16;

    /// <summary>The default threshold.</summary>
    public const double DefaultThreshold = 0.8;

    private const int Rows = MinHash.Permutations / Bands;
    private const int MaxPartnersPerRecord = 8;
    private readonly List<ushort[]> _chunks = [];
    private const int ChunkRecords = 8192;

    /// <summary>A finder for pairs at or above <paramref name="threshold"/>.</summary>
    public NearDuplicateFinder(double threshold = DefaultThreshold)
    {
        Validate(threshold);
        Threshold = threshold;
    }

    /// <summary>The similarity a pair must reach.</summary>
    public double Threshold { get; }

    /// <summary>Records added.</summary>
    public long Count { get; private set; }

    /// <summary>Refuses a threshold outside 0.5-1, naming the field.</summary>
    public static void Validate(double threshold)
    {
        if (double.IsNaN(threshold) || threshold < 0.5 || threshold > 1)
            throw new ValidationError("nearDuplicateThreshold", $"Use a near-duplicate threshold between 0.5 and 1 (got {threshold}).");
    }

    /// <summary>Adds the next record's text.</summary>
    public void Add(string text)
    {
        var slot = (int)(Count % ChunkRecords);
        if (slot == 0) _chunks.Add(new ushort[ChunkRecords * MinHash.Permutations]);
        MinHash.Sign(text, _chunks[^1].AsSpan(slot * MinHash.Permutations, MinHash.Permutations));
        Count++;
    }

    /// <summary>Every pair found, ordered by the later record, then the earlier.</summary>
    public IReadOnlyList<NearDuplicatePair> Find()
    {
        var candidates = new HashSet<(long, long)>();
        var keys = new (ulong Key, long Index)[Count];
        for (var band = 0; band < Bands; band++)
        {
            for (long i = 0; i < Count; i++) keys[i] = (BandKey(i, band), i);
            Array.Sort(keys);
            for (long start = 0, end; start < Count; start = end)
            {
                for (end = start + 1; end < Count && keys[end].Key == keys[start].Key; end++) { }
                // Within a bucket each record is compared with a few records before it: enough to find its group.
                for (var j = start + 1; j < end; j++)
                    for (var i = Math.Max(start, j - MaxPartnersPerRecord); i < j; i++)
                        candidates.Add((keys[i].Index, keys[j].Index));
            }
        }
        var pairs = new List<NearDuplicatePair>();
        foreach (var (a, b) in candidates)
        {
            var similarity = MinHash.Similarity(Signature(a), Signature(b));
            if (similarity >= Threshold) pairs.Add(new NearDuplicatePair(a, b, Math.Round(similarity, 4)));
        }
        pairs.Sort((x, y) => x.Second != y.Second ? x.Second.CompareTo(y.Second) : x.First.CompareTo(y.First));
        return pairs;
    }

    /// <summary>
    /// The records to drop so that no kept record has a near duplicate before it that is kept: walking in order, a
    /// record goes when any earlier partner stays.
    /// </summary>
    public static HashSet<long> LaterMembers(IEnumerable<NearDuplicatePair> pairs)
    {
        var dropped = new HashSet<long>();
        foreach (var pair in pairs.OrderBy(p => p.Second).ThenBy(p => p.First))
            if (!dropped.Contains(pair.First)) dropped.Add(pair.Second);
        return dropped;
    }

    private ReadOnlySpan<ushort> Signature(long index) =>
        _chunks[(int)(index / ChunkRecords)].AsSpan((int)(index % ChunkRecords) * MinHash.Permutations, MinHash.Permutations);

    private ulong BandKey(long index, int band)
    {
        var values = Signature(index).Slice(band * Rows, Rows);
        ulong key = 0;
        foreach (var value in values) key = (key << 16) | value;
        return key;
    }
}
