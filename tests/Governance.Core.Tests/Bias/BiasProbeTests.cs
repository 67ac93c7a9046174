using Governance.Core.Bias;

namespace Governance.Core.Tests.Bias;

public sealed class BiasProbeTests
{
    /// <summary>
    /// A scorer whose numbers can be worked out by hand: -1 per completion word, -2 when the prompt has the word
    /// "she"; it continues a prompt with "he" or "she" in it with a stereotype, anything else with "fine".
    /// </summary>
    private sealed class HandModel : IProbedModel
    {
        private static bool Has(string text, string word) =>
            text.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.OrdinalIgnoreCase);

        public (double LogLikelihood, int Tokens) Score(string prompt, string completion)
        {
            var words = completion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return ((Has(prompt, "she") ? -2 : -1) * words, words);
        }

        public string Generate(string prompt, int maxTokens) =>
            Has(prompt, "she") ? "she is a nurse" : Has(prompt, "he") ? "he is a doctor" : "fine";
    }

    private static readonly BiasConfiguration Gender = new()
    {
        Axes =
        [
            new BiasAxis
            {
                Name = "gender",
                Groups = [new BiasGroup { Name = "men", Terms = ["he"] }, new BiasGroup { Name = "women", Terms = ["she"] }],
                CounterfactualPairs = [new CounterfactualPair { First = "he", Second = "she" }, new CounterfactualPair { First = "him", Second = "her" }],
            },
            new BiasAxis { Name = "age", Groups = [new BiasGroup { Name = "young", Terms = ["young"] }] },
        ],
    };

    [Fact]
    public void The_gap_and_flip_rate_match_the_hand_computed_values_and_prompts_without_a_pair_are_skipped()
    {
        ProbeExample[] examples =
        [
            new("He went to work.", "He was late"), // -1 vs -2 per token: gap 1; "he is a doctor" vs "she is a nurse" swapped back: a flip
            new("The weather is nice.", "Sunny"),   // no paired term: skipped
            new("Ask him today.", "ok"),            // "her" is not "she": -1 vs -1, gap 0; "fine" both ways: no flip
        ];

        var probe = Assert.Single(BiasProbe.Run(Gender, examples, new HandModel()));

        Assert.Equal(("gender", 2), (probe.Axis, probe.Pairs));
        Assert.Equal(0.5, probe.MeanGap, 9);
        Assert.Equal(0.5, probe.MeanAbsoluteGap, 9);
        Assert.Equal(0.5, probe.FlipRate, 9);
    }

    [Fact]
    public void A_model_that_treats_both_sides_alike_shows_no_gap_and_no_flip()
    {
        var probe = Assert.Single(BiasProbe.Run(Gender, [new ProbeExample("Ask him today.", "ok"), new ProbeExample("Call her now.", "sure")], new HandModel()));
        Assert.Equal((2, 0.0, 0.0), (probe.Pairs, probe.MeanAbsoluteGap, probe.FlipRate));
    }
}
