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
    public void Completion_labels_mask_each_rows_prompt_and_padding()
    {
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 5, 6, 7, 8, 9, 1, 2, 3, 0, 0 }).reshape(2, 5);

        var labels = CompletionLabels.Build(ids, promptLengths: [2, 1], sequenceLengths: [5, 3]);

        Assert.Equal(new long[] { -100, -100, 7, 8, 9, -100, 2, 3, -100, -100 }, labels.data<long>().ToArray());
    }
}
