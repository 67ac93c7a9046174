using Governance.Core.Evaluation;

namespace Governance.Core.Tests.Evaluation;

public sealed class RougeLTests
{
    [Theory]
    // The common subsequence "the quick brown jumps the" is 5 of 8 predicted and 5 of 9 reference tokens: F = 10/17.
    [InlineData("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog", 10.0 / 17)]
    [InlineData("the cat was found under the bed", "the cat was under the bed", 12.0 / 13)] // LCS 6: P 6/7, R 1
    [InlineData("b a", "a b", 0.5)]                                                         // order matters, unlike token F1
    [InlineData("Café DÉJÀ", "café déjà", 1)]
    [InlineData("dog", "cat", 0)]
    [InlineData("", "", 0)]
    [InlineData("...", "cat", 0)]
    public void Rouge_L_is_the_F_measure_of_the_longest_common_token_subsequence(string prediction, string reference, double expected) =>
        Assert.Equal(expected, RougeL.FMeasure(prediction, reference), 12);

    [Fact]
    public void Tokens_are_lower_cased_runs_of_letters_and_digits_and_articles_stay() =>
        Assert.Equal(["the", "answer", "is", "42", "don", "t"], RougeL.Tokens("The answer is 42 -- don't"));
}
