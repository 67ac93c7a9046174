using Governance.Training.Generation;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Generation;

public sealed class NextTokenSamplerTests
{
    private static readonly double[] Probabilities = [0.15, 0.5, 0.05, 0.3];

    [Theory]
    [InlineData(0.75, new[] { 0, 0.5 / 0.8, 0, 0.3 / 0.8 })]                   // 0.5 + 0.3 reaches 0.75
    [InlineData(0.85, new[] { 0.15 / 0.95, 0.5 / 0.95, 0, 0.3 / 0.95 })]     // 0.8 does not reach 0.85
    [InlineData(1e-9, new[] { 0, 1.0, 0, 0 })]                                // the most likely token always stays
    public void The_nucleus_keeps_the_fewest_most_likely_tokens_that_reach_top_p(double topP, double[] expected)
    {
        using var scope = NewDisposeScope();
        var nucleus = NextTokenSampler.Nucleus(tensor(Probabilities), topP).data<double>().ToArray();
        Assert.Equal(expected, nucleus, new Tolerance(1e-12));
    }

    [Fact]
    public void Sampling_draws_only_from_the_nucleus_and_from_all_of_it()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var logits = tensor(Probabilities.Select(p => Math.Log(p)).ToArray()).to_type(ScalarType.Float32);
        var settings = new GenerationSettings { Temperature = 1, TopP = 0.75 };

        var drawn = Enumerable.Range(0, 200).Select(_ => NextTokenSampler.Pick(logits, settings, generator)).ToHashSet();

        Assert.Equal([1, 3], drawn.Order());
    }

    private sealed class Tolerance(double gap) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= gap;
        public int GetHashCode(double value) => 0;
    }
}
