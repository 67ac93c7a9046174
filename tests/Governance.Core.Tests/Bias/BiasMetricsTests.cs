using Governance.Core.Bias;
using static Governance.Core.Tests.Bias.BiasTestData;

namespace Governance.Core.Tests.Bias;

public sealed class BiasMetricsTests
{
    [Fact]
    public void Representation_gives_each_groups_share_of_mentions_and_the_min_max_ratio()
    {
        // Male 7 records, female 4 (record 7 counts for both): 11 mentions; shares 7/11 = 0.636364 and 4/11 = 0.363636;
        // ratio 4/7 = 0.571429, below 0.8: fail.
        var gender = RunAudit(Gender(), Twelve).Axes.Single().Representation;

        Assert.Equal(11, gender.Mentions);
        Assert.Equal(("female", 4L, 0.363636), (gender.Groups[0].Group, gender.Groups[0].Records, gender.Groups[0].Share));
        Assert.Equal(("male", 7L, 0.636364), (gender.Groups[1].Group, gender.Groups[1].Records, gender.Groups[1].Share));
        Assert.Equal((0.571429, BiasVerdict.Fail), (gender.MinMaxRatio, gender.Verdict));
    }

    [Fact]
    public void Co_occurrence_with_negative_terms_is_a_rate_per_group_compared_lowest_over_highest()
    {
        // Male 2 of 7 = 0.285714, female 1 of 4 = 0.25; ratio 0.25 / (2/7) = 0.875: at least 0.8, below 0.9: warn.
        var negative = RunAudit(Gender(), Twelve).Axes.Single().NegativeCooccurrence!;

        Assert.Equal((1L, 4L, 0.25), (negative.Groups[0].Hits, negative.Groups[0].Records, negative.Groups[0].Rate));
        Assert.Equal((2L, 7L, 0.285714), (negative.Groups[1].Hits, negative.Groups[1].Records, negative.Groups[1].Rate));
        Assert.Equal((0.875, BiasVerdict.Warn), (negative.MinMaxRatio, negative.Verdict));
    }

    [Fact]
    public void Base_rates_give_aif360_disparate_impact_and_statistical_parity_difference_against_the_most_favoured_group()
    {
        // P(approve | male) = 5/7 = 0.714286 (privileged: the higher rate); P(approve | female) = 2/4 = 0.5.
        // Disparate impact 0.5 / (5/7) = 0.7 (fail); statistical parity difference 0.5 - 5/7 = -0.214286.
        var result = RunAudit(Gender(label: Approve), Twelve);
        var rates = result.Axes.Single().BaseRates!;

        Assert.Equal(11, result.LabelledRecords);
        Assert.Equal("male", rates.PrivilegedGroup);
        var female = rates.Groups[0];
        Assert.Equal(("female", 4L, 2L, 0.5), (female.Group, female.Records, female.Favourable, female.BaseRate));
        Assert.Equal((0.7, -0.214286, BiasVerdict.Fail), (female.DisparateImpact, female.StatisticalParityDifference, female.Verdict));
        var male = rates.Groups[1];
        Assert.Equal((0.714286, 1.0, 0.0, BiasVerdict.Pass), (male.BaseRate, male.DisparateImpact, male.StatisticalParityDifference, male.Verdict));
        Assert.Equal((0.7, BiasVerdict.Fail), (rates.MinMaxRatio, rates.Verdict));
    }

    [Fact]
    public void A_configured_privileged_group_is_the_reference_and_favouring_the_other_side_is_judged_alike()
    {
        // Female as reference: male DI = (5/7) / 0.5 = 1.428571, judged as its inverse 0.7: fail; SPD = +0.214286.
        var configuration = Gender(label: Approve) with { Axes = [Gender().Axes[0] with { PrivilegedGroup = "female" }] };

        var male = RunAudit(configuration, Twelve).Axes.Single().BaseRates!.Groups[1];

        Assert.Equal((1.428571, 0.214286, BiasVerdict.Fail), (male.DisparateImpact, male.StatisticalParityDifference, male.Verdict));
    }

    [Fact]
    public void Preference_choice_counts_pairs_where_exactly_one_response_mentions_the_group()
    {
        // Female in exactly one response: pairs 1, 2 (chosen), 3, 4 (rejected); pair 5 has her in both: 2/4 = 0.5.
        // Male: pairs 4, 5, 6 (chosen), 1 (rejected); pair 7 names him only in the prompt: 3/4 = 0.75.
        // Ratio 0.5 / 0.75 = 0.666667: fail.
        BiasRecord Pair(string prompt, string chosen, string rejected) => new([prompt], Chosen: chosen, Rejected: rejected);
        BiasRecord[] pairs =
        [
            Pair("q", "she helps", "he helps"), Pair("q", "she", "ok"), Pair("q", "ok", "she"), Pair("q", "he", "she"),
            Pair("q", "he and she", "she"), Pair("q", "he", "fine"), Pair("what did he say", "x", "y"),
        ];

        var result = RunAudit(Gender(), pairs);
        var choice = result.Axes.Single().PreferenceChoice!;

        Assert.Equal(7, result.PreferenceRecords);
        Assert.Equal((4L, 2L, 0.5), (choice.Groups[0].Records, choice.Groups[0].Hits, choice.Groups[0].Rate));
        Assert.Equal((4L, 3L, 0.75), (choice.Groups[1].Records, choice.Groups[1].Hits, choice.Groups[1].Rate));
        Assert.Equal((0.666667, BiasVerdict.Fail), (choice.MinMaxRatio, choice.Verdict));
        Assert.Null(result.Axes.Single().BaseRates);
    }

    [Theory]
    [InlineData(0.95, BiasVerdict.Pass)]
    [InlineData(0.9, BiasVerdict.Pass)]
    [InlineData(0.899999, BiasVerdict.Warn)]
    [InlineData(0.8, BiasVerdict.Warn)]
    [InlineData(0.799999, BiasVerdict.Fail)]
    [InlineData(0.0, BiasVerdict.Fail)]
    public void The_default_thresholds_apply_the_four_fifths_rule_with_a_warning_band_below_0_9(double ratio, BiasVerdict expected) =>
        Assert.Equal(expected, new BiasThresholds().Judge(ratio));

    [Fact]
    public void Configured_thresholds_change_the_verdict_on_the_same_data()
    {
        // The representation ratio 0.571429 fails at 0.8, but only warns when failing starts below 0.5 and warning below 0.6.
        var lenient = RunAudit(Gender(thresholds: new BiasThresholds { Fail = 0.5, Warn = 0.6 }), Twelve);

        Assert.Equal(BiasVerdict.Warn, lenient.Axes.Single().Representation.Verdict);
    }

    [Fact]
    public void Groups_with_fewer_records_than_the_minimum_are_reported_but_not_judged()
    {
        // At least 5 records per group: female (4) is too small, leaving one group to compare, so no verdict.
        var result = RunAudit(Gender(minimumRecords: 5, label: Approve), Twelve);
        var axis = result.Axes.Single();

        Assert.Equal((false, true), (axis.NegativeCooccurrence!.Groups[0].Sufficient, axis.NegativeCooccurrence.Groups[1].Sufficient));
        Assert.Equal(BiasVerdict.InsufficientData, axis.NegativeCooccurrence.Verdict);
        Assert.Equal((0.5, (double?)null, BiasVerdict.InsufficientData), (axis.BaseRates!.Groups[0].BaseRate, axis.BaseRates.Groups[0].DisparateImpact, axis.BaseRates.Verdict));
        Assert.Equal(BiasVerdict.Fail, axis.Representation.Verdict);
        Assert.Equal(BiasVerdict.Fail, result.Verdict);
        Assert.Equal(BiasVerdict.InsufficientData, RunAudit(Gender(minimumRecords: 30), Twelve).Verdict);
    }
}
