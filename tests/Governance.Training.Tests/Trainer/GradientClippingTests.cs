using Governance.Training.Trainer;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Trainer;

public sealed class GradientClippingTests
{
    [Fact]
    public void Gradients_with_global_norm_13_are_scaled_to_norm_1_and_the_norm_before_clipping_is_returned()
    {
        using var scope = NewDisposeScope();
        var parameters = WithGradients([3, 4], [12]); // sqrt(9 + 16 + 144) = 13

        var norm = GradientClipping.ClipByGlobalNorm(parameters, maxNorm: 1);

        Assert.Equal(13, norm, 1e-5);
        Assert.Equal(new[] { 3 / 13f, 4 / 13f }, parameters[0].grad!.data<float>().ToArray(), new FloatWithin(1e-6f));
        Assert.Equal(12 / 13f, parameters[1].grad!.data<float>()[0], 1e-6f);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(0)]
    public void Gradients_within_the_limit_or_with_clipping_off_are_left_as_they_are(double maxNorm)
    {
        using var scope = NewDisposeScope();
        var parameters = WithGradients([3, 4], [12]);

        Assert.Equal(13, GradientClipping.ClipByGlobalNorm(parameters, maxNorm), 1e-5);

        Assert.Equal(new[] { 3f, 4f }, parameters[0].grad!.data<float>().ToArray());
    }

    private static Parameter[] WithGradients(params float[][] gradients) =>
        [.. gradients.Select(values =>
        {
            var parameter = new Parameter(zeros(values.Length));
            parameter.mul(tensor(values)).sum().backward();
            return parameter;
        })];

    private sealed class FloatWithin(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
