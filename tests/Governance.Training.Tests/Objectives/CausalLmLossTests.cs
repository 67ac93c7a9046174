using Governance.Training.Objectives;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Objectives;

public sealed class CausalLmLossTests
{
    [Fact]
    public void Each_position_predicts_the_next_label_and_masked_labels_do_not_count()
    {
        using var scope = NewDisposeScope();
        // Position 0 predicts label 1 (token 1, p = 3/4); position 1 would predict label 2, which is masked.
        var logits = tensor(new[] { 0f, MathF.Log(3), 5f, -5f, 9f, 9f }).reshape(1, 3, 2);
        var labels = tensor(new long[] { -100, 1, -100 }).reshape(1, 3);

        var (sum, tokens) = CausalLmLoss.Sum(logits, labels);
        var changed = logits.clone();
        changed[0, 1] = tensor(new[] { -7f, 7f });

        Assert.Equal(1, tokens);
        Assert.Equal(Math.Log(4.0 / 3), sum.item<float>(), 1e-6);
        Assert.Equal(sum.item<float>(), CausalLmLoss.Mean(changed, labels).item<float>());
    }

    [Fact]
    public void The_mean_divides_by_the_unmasked_tokens_only()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 4, 5);
        var labels = tensor(new long[] { 0, 1, 2, -100, 0, -100, -100, 3 }).reshape(2, 4);

        var (sum, tokens) = CausalLmLoss.Sum(logits, labels);

        Assert.Equal(3, tokens);
        Assert.Equal(3 * Math.Log(5), sum.item<float>(), 1e-5);
        Assert.Equal(Math.Log(5), CausalLmLoss.Mean(logits, labels).item<float>(), 1e-6);
    }

    [Fact]
    public void The_consuming_sum_gives_the_loss_and_gradients_of_the_plain_one_masked_labels_and_all_masked_rows_included()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var hidden = randn(3, 6, 8);
        var head = randn(8, 50) * 3;
        var labels = randint(0, 50, [3, 6], dtype: ScalarType.Int64);
        labels[0, 2] = tensor(-100L);
        labels[1, 4] = tensor(-100L);
        labels[2] = full(6, -100L); // a row with nothing to predict

        (float Loss, float[] HiddenGrad, float[] HeadGrad) Run(Func<Tensor, Tensor, (Tensor Sum, long Tokens)> loss)
        {
            var (h, w) = (hidden.clone().requires_grad_(true), head.clone().requires_grad_(true));
            var (sum, tokens) = loss(h.matmul(w), labels);
            var mean = sum / tokens;
            mean.backward();
            return (mean.item<float>(), h.grad!.data<float>().ToArray(), w.grad!.data<float>().ToArray());
        }

        var plain = Run(CausalLmLoss.Sum);
        var consuming = Run(CausalLmLoss.SumConsumingLogits);

        Assert.Equal(plain.Loss, consuming.Loss, 1e-5);
        Assert.All(plain.HiddenGrad.Zip(consuming.HiddenGrad), g => Assert.Equal(g.First, g.Second, 1e-5));
        Assert.All(plain.HeadGrad.Zip(consuming.HeadGrad), g => Assert.Equal(g.First, g.Second, 1e-5));
        Assert.Contains(plain.HeadGrad, g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Without_a_gradient_the_consuming_sum_leaves_the_logits_as_they_were()
    {
        using var scope = NewDisposeScope();
        var logits = randn(2, 4, 5);
        var before = logits.clone();
        var labels = tensor(new long[] { 0, 1, 2, -100, 0, -100, -100, 3 }).reshape(2, 4);

        var (sum, tokens) = CausalLmLoss.SumConsumingLogits(logits, labels);

        Assert.Equal(CausalLmLoss.Sum(before, labels).Sum.item<float>(), sum.item<float>(), 1e-6);
        Assert.Equal(3, tokens);
        Assert.Equal(before.data<float>().ToArray(), logits.data<float>().ToArray());
    }

    [Fact]
    public void Completion_labels_mask_each_rows_prompt_and_padding()
    {
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 5, 6, 7, 8, 9, 1, 2, 3, 0, 0 }).reshape(2, 5);

        var labels = CompletionLabels.Build(ids, promptLengths: [2, 1], sequenceLengths: [5, 3]);

        Assert.Equal(new long[] { -100, -100, 7, 8, 9, -100, 2, 3, -100, -100 }, labels.data<long>().ToArray());
    }
}
