using Governance.Core.Datasets.Splits;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Datasets;

public sealed class SplitAssignerTests
{
    private static string?[] Labels(int positives, int negatives) =>
        [.. Enumerable.Repeat<string?>("pos", positives), .. Enumerable.Repeat<string?>("neg", negatives)];

    [Fact]
    public void The_same_records_plan_and_seed_give_the_same_splits_and_another_seed_others()
    {
        var strata = Labels(300, 700);
        var first = SplitAssigner.Assign(strata, SplitPlan.Default);
        Assert.Equal(first, SplitAssigner.Assign(strata, SplitPlan.Default));
        Assert.NotEqual(first, SplitAssigner.Assign(strata, SplitPlan.Default with { Seed = 7 }));
    }

    [Fact]
    public void Stratified_splits_keep_each_labels_share_in_every_split()
    {
        var strata = Labels(300, 700);
        var splits = SplitAssigner.Assign(strata, SplitPlan.Default);

        int Count(Split split, string label) => splits.Where((s, i) => s == split && strata[i] == label).Count();
        Assert.Equal((240, 30, 30), (Count(Split.Train, "pos"), Count(Split.Validation, "pos"), Count(Split.Test, "pos")));
        Assert.Equal((560, 70, 70), (Count(Split.Train, "neg"), Count(Split.Validation, "neg"), Count(Split.Test, "neg")));
    }

    [Fact]
    public void Counts_round_so_that_every_record_lands_in_exactly_one_split()
    {
        var splits = SplitAssigner.Assign(new string?[7], new SplitPlan(0.5, 0.25, 0.25, 1, Stratify: false));
        Assert.Equal(7, splits.Length);
        // 3.5, 1.75 and 1.75 records: the two largest remainders (0.75 each) get the two records left over.
        Assert.Equal((3, 2, 2), (splits.Count(s => s == Split.Train), splits.Count(s => s == Split.Validation), splits.Count(s => s == Split.Test)));
    }

    [Fact]
    public void The_order_within_the_train_split_is_shuffled_not_the_first_records()
    {
        var splits = SplitAssigner.Assign(new string?[100], new SplitPlan(0.5, 0.5, 0, 3, false));
        Assert.Contains(Split.Validation, splits.Take(50));
    }

    [Theory]
    [InlineData(0.8, 0.1, 0.2, "train")]
    [InlineData(1.1, -0.1, 0.0, "train")]
    [InlineData(0.0, 0.5, 0.5, "train")]
    [InlineData(0.9, -0.1, 0.2, "validation")]
    public void Fractions_that_do_not_add_up_or_go_negative_are_refused_naming_the_field(double train, double validation, double test, string field)
    {
        Assert.Equal(field, Assert.Throws<ValidationError>(() => new SplitPlan(train, validation, test, 1, false).Validate()).Field);
    }
}
