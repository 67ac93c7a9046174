using Governance.Core.Evaluation;

namespace Governance.Core.Tests.Evaluation;

public sealed class AnswerMetricsTests
{
    [Theory]
    [InlineData("The Eiffel Tower!", "eiffel   tower", 1)]
    [InlineData("Hello, world.", "hello world", 1)]
    [InlineData("An apple", "apple pie", 0)]
    [InlineData("co-operate", "co operate", 0)] // punctuation is dropped, not turned into a space
    [InlineData("a theatre", "Theatre", 1)]
    [InlineData("", "", 1)]
    [InlineData("the", "", 1)]                   // an article alone normalises to nothing
    [InlineData("", "x", 0)]
    public void Exact_match_compares_the_normalised_answers(string prediction, string reference, double expected) =>
        Assert.Equal(expected, AnswerMetrics.ExactMatch(prediction, reference));

    [Fact]
    public void Normalisation_lower_cases_and_drops_punctuation_articles_and_extra_space() =>
        Assert.Equal("quick fox jumps over lazy dog", AnswerNormalizer.Normalize("  The quick fox, jumps over a\tlazy dog!! "));

    [Fact]
    public void Articles_go_only_as_whole_words() => Assert.Equal("theatre anthem", AnswerNormalizer.Normalize("the theatre an anthem"));

    [Theory]
    [InlineData("the cat sat on the mat", "a cat sat on a hat", 0.75)] // 3 of 4 tokens shared both ways
    [InlineData("cat cat cat", "cat dog", 0.4)]                       // a shared token counts as often as both have it: P 1/3, R 1/2
    [InlineData("on sat cat", "cat sat on", 1)]                       // order does not matter
    [InlineData("dog", "cat", 0)]
    [InlineData("", "", 1)]
    [InlineData("", "cat", 0)]
    [InlineData("cat", "", 0)]
    public void Token_F1_is_the_harmonic_mean_of_shared_token_precision_and_recall(string prediction, string reference, double expected) =>
        Assert.Equal(expected, AnswerMetrics.TokenF1(prediction, reference), 12);
}
