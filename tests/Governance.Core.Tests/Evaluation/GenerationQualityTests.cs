using Governance.Core.Evaluation;

namespace Governance.Core.Tests.Evaluation;

public sealed class GenerationQualityTests
{
    [Fact]
    public void Each_metric_is_averaged_over_the_examples()
    {
        // "The cat." against "cat": exact match and F1 after normalisation; ROUGE-L keeps "the": P 1/2, R 1, F 2/3.
        var quality = GenerationQuality.Of([("The cat.", "cat"), ("dog", "cat")]);

        Assert.Equal(2, quality.Examples);
        Assert.Equal(0.5, quality.ExactMatch, 12);
        Assert.Equal(0.5, quality.TokenF1, 12);
        Assert.Equal(1.0 / 3, quality.RougeL, 12);
    }

    [Fact]
    public void No_examples_give_zero_scores() => Assert.Equal(new GenerationQuality(0, 0, 0, 0), GenerationQuality.Of([]));
}
