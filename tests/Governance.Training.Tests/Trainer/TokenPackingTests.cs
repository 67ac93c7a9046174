using Governance.Training.Trainer;

namespace Governance.Training.Tests.Trainer;

public sealed class TokenPackingTests
{
    [Fact]
    public void Documents_are_joined_with_the_separator_and_cut_into_full_blocks_the_tail_dropped()
    {
        var blocks = TokenPacking.Pack([[1, 2, 3], [4, 5], [6, 7, 8]], blockSize: 4, separatorId: 0);

        Assert.Equal([[1, 2, 3, 0], [4, 5, 0, 6]], blocks.Select(block => block.InputIds));
        Assert.All(blocks, block => Assert.Equal(block.InputIds, block.Labels));
    }

    [Fact]
    public void Without_a_separator_documents_run_straight_into_each_other()
    {
        var blocks = TokenPacking.Pack([[1, 2, 3], [4, 5, 6]], blockSize: 3);

        Assert.Equal([[1, 2, 3], [4, 5, 6]], blocks.Select(block => block.InputIds));
    }
}
