namespace Governance.Core.Datasets.Statistics;

/// <summary>A bucket of the token-length histogram: records with at least <paramref name="From"/> and fewer than <paramref name="To"/> tokens.</summary>
public sealed record LengthBucket(int From, int To, long Records);

/// <summary>What a version holds, measured record by record.</summary>
/// <param name="Records">How many records.</param>
/// <param name="Tokens">GPT-2 tokens over all records' text.</param>
/// <param name="MeanTokens">Mean tokens per record.</param>
/// <param name="MedianTokens">Median tokens per record.</param>
/// <param name="P95Tokens">95th percentile of tokens per record.</param>
/// <param name="MaxTokens">The longest record, in tokens.</param>
/// <param name="Histogram">Token lengths in power-of-two buckets.</param>
/// <param name="Labels">Records per label (classification shapes), commonest first.</param>
/// <param name="ExactDuplicates">Records identical to an earlier record of the version.</param>
/// <param name="NearDuplicateThreshold">The similarity a near-duplicate pair reaches (estimated Jaccard of word 3-shingles).</param>
/// <param name="NearDuplicatePairs">Near-duplicate pairs found (exact duplicates included).</param>
/// <param name="NearDuplicateSample">The first pairs, by the later record, for review.</param>
/// <param name="Languages">Records per guessed language (ISO 639-1, "und" when undetermined), commonest first.</param>
public sealed record VersionStatistics(
    long Records, long Tokens, double MeanTokens, int MedianTokens, int P95Tokens, int MaxTokens,
    IReadOnlyList<LengthBucket> Histogram, IReadOnlyList<KeyValuePair<string, long>> Labels, long ExactDuplicates,
    double NearDuplicateThreshold, long NearDuplicatePairs, IReadOnlyList<NearDuplicatePair> NearDuplicateSample,
    IReadOnlyList<KeyValuePair<string, long>> Languages);
