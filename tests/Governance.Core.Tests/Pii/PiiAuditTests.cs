using Governance.Core.Pii;

namespace Governance.Core.Tests.Pii;

public sealed class PiiAuditTests
{
    [Fact]
    public void The_summary_counts_by_type_and_field_and_masks_every_excerpt()
    {
        var builder = new PiiAuditBuilder(new PiiScanner(), 0.5);
        builder.Add(1, [("messages[0].content", "I am jane@example.com"), ("messages[1].content", "Noted.")]);
        builder.Add(2, [("messages[2].content", "Call +44 20 7946 0958 or jane@example.com"), ("metadata.ip", "10.0.0.7")]);
        builder.Add(3, [("text", "nothing here")]);

        var s = builder.Build();

        Assert.Equal((3L, 2L, 4L), (s.Records, s.RecordsWithFindings, s.Findings));
        Assert.Equal(2, s.ByType[PiiTypes.Email]);
        Assert.Equal(3, s.ByField["messages[].content"]);
        Assert.Equal(1, s.ByField["metadata.ip"]);
        var first = s.Excerpts[0];
        Assert.Equal((1L, "messages[0].content", "I am ", "j***@*******.***"), (first.Record, first.Field, first.Before, first.Masked));
        Assert.DoesNotContain(s.Excerpts, e => e.Masked.Contains("example") || e.Masked.Contains("7946"));
    }
}
