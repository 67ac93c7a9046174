using Governance.Core.Datasets.Statistics;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Datasets;

public sealed class NearDuplicateTests
{
    private const string Base = "Track your parcel from the orders page. Parcels arrive within five working days of dispatch, " +
        "and you can change the delivery address until the parcel leaves the warehouse.";

    private static ushort[] Sign(string text)
    {
        var signature = new ushort[MinHash.Permutations];
        MinHash.Sign(text, signature);
        return signature;
    }

    /// <summary>The exact Jaccard similarity of two texts' word 3-shingles, to check the estimate against.</summary>
    private static double Jaccard(string a, string b)
    {
        static HashSet<string> Shingles(string text)
        {
            var words = text.ToLowerInvariant().Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries);
            return [.. Enumerable.Range(0, words.Length - 2).Select(i => string.Join(' ', words[i..(i + 3)]))];
        }
        var (x, y) = (Shingles(a), Shingles(b));
        return x.Intersect(y).Count() / (double)x.Union(y).Count();
    }

    [Theory]
    [InlineData("Track your parcel from the orders page. Parcels arrive within five working days of dispatch, and you can change the delivery address until the parcel leaves the warehouse.")]
    [InlineData("Track your parcel from the orders page. Parcels arrive within six working days of dispatch, and you can change the delivery address until the parcel leaves the warehouse.")]
    [InlineData("Track your parcel on the orders page. Parcels arrive within six working days of dispatch, and you may change the delivery address until the parcel leaves our warehouse.")]
    [InlineData("Refunds are paid to the card you used within fourteen days of the return arriving at our warehouse.")]
    public void The_signature_estimates_the_Jaccard_similarity_of_word_shingles(string other)
    {
        var estimate = MinHash.Similarity(Sign(Base), Sign(other));

        // 64 positions: the standard error is at most 0.0625; allow three of them.
        Assert.InRange(estimate, Jaccard(Base, other) - 0.19, Jaccard(Base, other) + 0.19);
    }

    [Fact]
    public void Case_punctuation_and_spacing_do_not_matter()
    {
        Assert.Equal(1.0, MinHash.Similarity(Sign(Base), Sign(Base.ToUpperInvariant().Replace(" ", "  ").Replace(",", ";"))));
    }

    [Fact]
    public void The_finder_pairs_near_copies_and_leaves_different_texts_alone()
    {
        var finder = new NearDuplicateFinder(0.7);
        string[] texts =
        [
            Base,
            "Refunds are paid to the card you used within fourteen days of the return arriving at our warehouse.",
            Base.Replace("five", "six"),
            "Passwords are reset from the sign-in page; the link in the e-mail is valid for one hour only.",
            Base.ToUpperInvariant(),
            "short",
            "short",
        ];
        foreach (var text in texts) finder.Add(text);

        var pairs = finder.Find();

        Assert.Equal([(0L, 2L), (0L, 4L), (2L, 4L), (5L, 6L)], pairs.Select(p => (p.First, p.Second)));
        Assert.All(pairs, p => Assert.InRange(p.Similarity, 0.7, 1));
        Assert.Equal([2L, 4L, 6L], NearDuplicateFinder.LaterMembers(pairs).Order());
    }

    [Fact]
    public void A_record_whose_earlier_partner_was_dropped_stays()
    {
        // 1 goes because of 0; 2 resembles only 1, which is gone, so 2 stays.
        Assert.Equal([1L], NearDuplicateFinder.LaterMembers([new(0, 1, 0.9), new(1, 2, 0.9)]));
    }

    [Theory]
    [InlineData(0.49)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Thresholds_outside_the_range_the_bands_support_are_refused(double threshold)
    {
        Assert.Equal("nearDuplicateThreshold", Assert.Throws<ValidationError>(() => new NearDuplicateFinder(threshold)).Field);
    }
}
