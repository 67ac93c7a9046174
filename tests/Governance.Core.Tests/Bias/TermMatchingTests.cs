using Governance.Core.Bias;
using static Governance.Core.Tests.Bias.BiasTestData;

namespace Governance.Core.Tests.Bias;

public sealed class TermMatchingTests
{
    private static BiasConfiguration Axis(params BiasGroup[] groups) => new()
    {
        Axes = [new BiasAxis { Name = "axis", Groups = groups }],
        Thresholds = new BiasThresholds { MinimumRecords = 1 },
    };

    private static long[] Mentions(BiasConfiguration configuration, params string[] texts) =>
        [.. RunAudit(configuration, texts.Select(t => Text(t))).Axes.Single().Representation.Groups.Select(g => g.Records)];

    [Fact]
    public void Terms_match_whole_words_only_and_ignore_case()
    {
        var gender = Gender();

        Assert.Equal([0L, 0L], Mentions(gender, "the theme", "Other shepherds", "hEro", "manage", "WOMANHOOD"));
        Assert.Equal([2L, 3L], Mentions(gender, "He", "(she)", "man's", "WOMAN!", "…he…"));
    }

    [Fact]
    public void Multi_word_terms_match_across_spaces_and_dashes_but_not_across_sentences()
    {
        var age = Axis(Group("young", "young people"), Group("older", "old people"));

        // Groups come in ordinal order: older, young.
        Assert.Equal([0L, 3L], Mentions(age, "young people", "Young\n  People", "young-people", "young. People", "young"));
    }

    [Fact]
    public void Matching_is_unicode_aware_in_any_script_and_either_composition()
    {
        var terms = Axis(Group("a", "élève"), Group("b", "женщина", "مرأة"));

        // "e\u0301" is "é" decomposed; "élèves" is another word, and "женщинами" too.
        Assert.Equal([2L, 2L], Mentions(terms, "ÉLÈVE", "un e\u0301le\u0300ve", "élèves", "ЖЕНЩИНА", "женщинами", "مرأة"));
    }

    [Fact]
    public void Within_an_axis_the_longest_term_wins_but_other_axes_still_see_their_terms()
    {
        var disability = BiasConfiguration.Default.Axes.Single(a => a.Name == "disability");
        var configuration = BiasConfiguration.Default with { Thresholds = new BiasThresholds { MinimumRecords = 1 } };

        var result = RunAudit(configuration, [Text("non-disabled staff"), Text("a young man")]);

        var byAxis = result.Axes.ToDictionary(a => a.Axis, a => a.Representation.Groups.Where(g => g.Records > 0).Select(g => g.Group).ToList());
        Assert.Equal(["non-disabled"], byAxis["disability"]);
        Assert.Equal(["young"], byAxis["age"]);
        Assert.Equal(["male"], byAxis["gender"]);
        Assert.Equal(2, disability.Groups.Count);
    }

    [Fact]
    public void A_counterfactual_swaps_each_pair_both_ways_keeping_the_case_and_leaving_other_words_alone()
    {
        var swapper = CounterfactualSwapper.For(Gender().Axes[0]);

        Assert.Equal("She said the woman left; HE stayed with the man.", swapper.Swap("He said the man left; SHE stayed with the woman."));
        Assert.Equal("Theme, other, shepherd", swapper.Swap("Theme, other, shepherd"));
    }

    [Fact]
    public void A_counterfactual_swaps_phrases_as_a_whole()
    {
        var swapper = CounterfactualSwapper.For(BiasConfiguration.Default.Axes.Single(a => a.Name == "disability"));

        Assert.Equal("Non-disabled people, and a person without a disability, and disabled ones.",
            swapper.Swap("Disabled people, and a person with a disability, and non-disabled ones."));
    }
}
