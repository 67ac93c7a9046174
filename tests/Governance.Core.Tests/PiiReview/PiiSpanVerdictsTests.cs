using Governance.Core.PiiReview;

namespace Governance.Core.Tests.PiiReview;

public sealed class PiiSpanVerdictsTests
{
    private static PiiFindingKey Key(int start, string type) => new(0, "text", start, start + 5, type);

    [Fact]
    public void Marked_findings_are_confirmed_unmarked_ones_dismissed_and_new_spans_added()
    {
        var verdicts = PiiSpanVerdicts.Decide([Key(0, "EMAIL_ADDRESS"), Key(10, "EMAIL_ADDRESS")], [Key(0, "EMAIL_ADDRESS"), Key(20, "PERSON")],
            ["EMAIL_ADDRESS", "PERSON"]);

        Assert.Equal(
            [(Key(0, "EMAIL_ADDRESS"), PiiDecision.Confirmed), (Key(10, "EMAIL_ADDRESS"), PiiDecision.Dismissed), (Key(20, "PERSON"), PiiDecision.Added)],
            verdicts.OrderBy(v => v.Key.Start));
    }

    [Fact]
    public void A_finding_of_a_type_the_annotators_had_no_label_for_is_never_dismissed()
    {
        var verdicts = PiiSpanVerdicts.Decide([Key(0, "CREDIT_CARD"), Key(10, "EMAIL_ADDRESS")], [], ["EMAIL_ADDRESS"]);

        Assert.Equal([(Key(10, "EMAIL_ADDRESS"), PiiDecision.Dismissed)], verdicts);
    }
}
