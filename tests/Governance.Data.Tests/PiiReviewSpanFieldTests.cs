using Governance.Core.Annotation.Answers;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using Governance.Core.Pii;
using Governance.Core.PiiReview;

namespace Governance.Data.Tests;

/// <summary>The field a PII span question marks is the one the audit names for the text annotators see, in every record shape.</summary>
public sealed class PiiReviewSpanFieldTests
{
    [Theory]
    [InlineData("""{"text":"Mail jane@example.com"}""", "text")]
    [InlineData("""{"text":"Mail jane@example.com","label":"billing"}""", "text")]
    [InlineData("""{"prompt":"Who?","completion":"Ask jane@example.com"}""", "completion")]
    [InlineData("""{"prompt":"Who?","chosen":"Jane","rejected":"Tom"}""", "prompt")]
    [InlineData("""{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello Jane"},{"role":"user","content":"Mail?"},{"role":"assistant","content":"jane@example.com"}]}""", "messages[3].content")]
    public void The_span_field_holds_exactly_the_text_annotators_mark(string line, string field)
    {
        var record = RecordParser.ParseCanonical(line);
        var canonical = CanonicalJson.SerializeToString(record);

        Assert.Equal(field, PiiAnnotationQuestion.SpanField(record));
        var text = new PiiJsonl(new PiiScanner()).Strings(canonical, 1, "record").Single(f => f.Field == field).Text;
        Assert.Equal(AnnotationText.SpanSource(record), text);
    }
}
