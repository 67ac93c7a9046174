using Governance.Training.Objectives;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Objectives;

public sealed class TokenBatchTests
{
    [Fact]
    public void Rows_are_padded_on_the_right_and_padding_is_never_learnt()
    {
        using var batch = TokenBatch.Collate([TokenExample.FromCompletion([5, 6], [7]), TokenExample.FromText([1, 2, 3, 4])], padId: 9);

        Assert.Equal([2L, 4], batch.InputIds.shape);
        Assert.Equal(new long[] { 5, 6, 7, 9, 1, 2, 3, 4 }, batch.InputIds.data<long>().ToArray());
        Assert.Equal(new long[] { -100, -100, 7, -100, 1, 2, 3, 4 }, batch.Labels.data<long>().ToArray());
        Assert.Equal(7, batch.Tokens);
        Assert.Equal(4, CausalLmLoss.Targets(batch.Labels));
    }

    [Fact]
    public void A_preference_batch_holds_every_chosen_row_before_every_rejected_row()
    {
        using var batch = TokenBatch.CollatePreferences([new PreferencePair([1], [2, 3], [4]), new PreferencePair([5], [6], [7, 8])]);

        Assert.Equal(new long[] { 1, 2, 3, 5, 6, 0, 1, 4, 0, 5, 7, 8 }, batch.InputIds.data<long>().ToArray());
        Assert.Equal(new long[] { -100, 2, 3, -100, 6, -100, -100, 4, -100, -100, 7, 8 }, batch.Labels.data<long>().ToArray());
    }

    [Fact]
    public void An_example_whose_labels_do_not_match_its_tokens_is_refused_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenExample([1, 2, 3], [1, 2]));

        Assert.Contains("3 tokens but 2 labels", error.Message);
    }
}
