using Governance.Training.Lora;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Lora;

public sealed class LoraAdapterTests
{
    [Theory]
    [InlineData(8, 8.0)]   // scaling 1: no multiplication at all
    [InlineData(8, 16.0)]  // scaling 2: applied to the rank-r product
    [InlineData(4, 1.0)]   // scaling 0.25
    public void Adding_into_an_fp32_output_equals_output_plus_B_of_A_of_x_times_scaling_in_value_and_gradients(int rank, double alpha)
    {
        using var scope = NewDisposeScope();
        var (weight, input, adapter) = Layer(rank, alpha);
        var gradient = randn(6, 12);

        var expected = Reference(weight, input, adapter, gradient);
        var actual = Run(weight, input, adapter, gradient, (output, x) => adapter.AddTo(output, x, training: true));

        for (var i = 0; i < expected.Count; i++) TensorAssert.Close(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void A_bf16_output_gets_the_fp32_update_cast_and_added_and_stays_bf16()
    {
        using var scope = NewDisposeScope();
        var (_, input, adapter) = Layer(8, 16.0);
        var output = randn(6, 12).to_type(ScalarType.BFloat16);

        var sum = adapter.AddTo(output, input.to_type(ScalarType.BFloat16), training: false);

        Assert.Equal(ScalarType.BFloat16, sum.dtype);
        var expected = output.to_type(ScalarType.Float32) + adapter.B.call(adapter.A.call(input.to_type(ScalarType.BFloat16).to_type(ScalarType.Float32))) * 2.0;
        TensorAssert.Close(expected.to_type(ScalarType.BFloat16).to_type(ScalarType.Float32), sum.to_type(ScalarType.Float32), 0.05);
    }

    private static (Parameter Weight, Tensor Input, LoraAdapter Adapter) Layer(int rank, double alpha)
    {
        manual_seed(5);
        var adapter = new LoraAdapter(10, 12, new LoraSettings { Rank = rank, Alpha = alpha });
        using (no_grad()) adapter.B.weight!.copy_(randn(12, rank).mul_(0.3));
        return (new Parameter(randn(10, 12)), randn(6, 10), adapter);
    }

    /// <summary>Output, then the gradients of the base weight, the input, A and B, with the update added the plain way.</summary>
    private static List<Tensor> Reference(Parameter weight, Tensor input, LoraAdapter adapter, Tensor gradient) =>
        Run(weight, input, adapter, gradient,
            (output, x) => output + adapter.B.call(adapter.A.call(x)) * adapter.Settings.Scaling);

    private static List<Tensor> Run(Parameter weight, Tensor input, LoraAdapter adapter, Tensor gradient, Func<Tensor, Tensor, Tensor> add)
    {
        foreach (var parameter in new[] { weight, adapter.A.weight!, adapter.B.weight! }) parameter.grad = null!;
        var x = input.clone().requires_grad_(true);
        var output = add(x.matmul(weight), x);
        output.backward([gradient]);
        return [output.detach().clone(), weight.grad!.clone(), x.grad!.clone(), adapter.A.weight!.grad!.clone(), adapter.B.weight!.grad!.clone()];
    }
}
