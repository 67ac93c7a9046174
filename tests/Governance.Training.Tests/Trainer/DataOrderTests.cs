using Governance.Training.Trainer;

namespace Governance.Training.Tests.Trainer;

public sealed class DataOrderTests
{
    [Fact]
    public void Each_epoch_draws_every_example_once_in_a_new_order()
    {
        var order = new DataOrder(10, seed: 7);

        var first = order.Take(10);
        var second = order.Take(10);

        Assert.Equal(Enumerable.Range(0, 10), first.Order());
        Assert.Equal(Enumerable.Range(0, 10), second.Order());
        Assert.NotEqual(first, second);
        Assert.Equal(new DataPosition(1, 10), order.Position);
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_another_seed_another()
    {
        Assert.Equal(new DataOrder(20, seed: 1).Take(30), new DataOrder(20, seed: 1).Take(30));
        Assert.NotEqual(new DataOrder(20, seed: 1).Take(30), new DataOrder(20, seed: 2).Take(30));
    }

    [Fact]
    public void An_order_moved_to_a_saved_position_continues_exactly_as_the_uninterrupted_one()
    {
        var uninterrupted = new DataOrder(7, seed: 3);
        uninterrupted.Take(9);
        var saved = uninterrupted.Position;
        var expected = uninterrupted.Take(12);

        var resumed = new DataOrder(7, seed: 3);
        resumed.MoveTo(saved);

        Assert.Equal(expected, resumed.Take(12));
    }
}
