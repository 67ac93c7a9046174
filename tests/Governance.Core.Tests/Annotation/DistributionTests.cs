using Governance.Core.Annotation.Distribution;

namespace Governance.Core.Tests.Annotation;

public sealed class DistributionTests
{
    private static readonly Guid Project = Guid.Parse("7d1f6b1e-8c55-4b9f-9f0e-3b7f3b1c2a10");

    [Fact]
    public void The_shown_order_is_stable_per_annotator_and_record_and_balanced_over_records()
    {
        var orders = Enumerable.Range(0, 2000).Select(i => ShownOrder.For(Project, "ann", i)).ToList();

        Assert.Equal(orders, Enumerable.Range(0, 2000).Select(i => ShownOrder.For(Project, "ann", i)));
        Assert.InRange(orders.Count(o => o == ShownOrder.AFirst), 900, 1100);
        Assert.NotEqual(orders, Enumerable.Range(0, 2000).Select(i => ShownOrder.For(Project, "ben", i)));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    public void Gold_tasks_come_at_the_configured_rate(double rate)
    {
        var gold = Enumerable.Range(0, 10_000).Count(n => GoldSchedule.IsGold(Project, "ann", n, rate));
        Assert.InRange(gold / 10_000.0, rate - 0.02, rate + 0.02);
    }

    [Fact]
    public void A_rate_of_zero_never_hands_out_gold()
    {
        Assert.DoesNotContain(Enumerable.Range(0, 1000), n => GoldSchedule.IsGold(Project, "ann", n, 0));
    }
}
