using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;
using Governance.Core.Pii;
using Governance.Core.Validation;

namespace Governance.Core.PiiReview;

/// <summary>
/// The span question a PII review sends to annotators: mark the personal data in the text a span question works on
/// (<see cref="AnnotationText.SpanSource"/>), each span labelled with its finding type. Annotators label blind: the
/// scanner's findings are never shown to them, so their spans are an independent second reading.
/// </summary>
public static class PiiAnnotationQuestion
{
    /// <summary>The question's key in the project and in its final answers.</summary>
    public const string Key = "pii";

    /// <summary>The span question labelled with <paramref name="types"/>.</summary>
    public static Question Of(IReadOnlyList<string> types) => new(Key, QuestionKind.Span, "Mark every piece of personal data in the text with its type.", types);

    /// <summary>
    /// The labels: the types named, or by default the types the audit found followed by the other types, up to the
    /// most labels a question may have. Refuses an unknown type or too many, naming the <c>types</c> field.
    /// </summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<string>? named, IEnumerable<string> found)
    {
        if (named is { Count: > 0 })
        {
            if (named.FirstOrDefault(t => !PiiTypes.All.Contains(t, StringComparer.Ordinal)) is { } unknown)
                throw new ValidationError("types", $"'{unknown}' is not a finding type; use some of {string.Join(", ", PiiTypes.All)}.");
            if (named.Distinct(StringComparer.Ordinal).Count() > Question.MaxLabels)
                throw new ValidationError("types", $"A span question takes at most {Question.MaxLabels} labels; {named.Count} types are named.");
            return [.. PiiTypes.All.Where(named.Contains)];
        }
        var seen = found.ToHashSet(StringComparer.Ordinal);
        return [.. PiiTypes.All.Where(seen.Contains).Concat(PiiTypes.All.Where(t => !seen.Contains(t))).Take(Question.MaxLabels)];
    }

    /// <summary>What annotators read beside every task: what to mark, with which label, and that they work blind.</summary>
    public static string Guidelines(IReadOnlyList<string> labels) => $"""
        Mark every piece of personal data in the text shown, each span with its type: {string.Join(", ", labels)}.
        Select exactly the characters of the value (an e-mail address without the surrounding words or punctuation) and
        pick its type. Mark nothing when the text holds no personal data, and submit.

        You work blind: the automatic scanner's findings are not shown to you. Your spans are compared with them; a
        finding you marked is confirmed, one you did not mark is dismissed, and a span you marked that the scanner
        missed is added as a finding.
        """;

    /// <summary>
    /// The field path, as the audit names fields, of the text spans are marked in: <c>text</c>, <c>prompt</c>,
    /// <c>completion</c> or the last assistant turn (<c>messages[3].content</c>); null when the record has none.
    /// </summary>
    public static string? SpanField(DatasetRecord record)
    {
        switch (record.Shape)
        {
            case RecordShape.Text or RecordShape.Classification:
                return record.Text is null ? null : "text";
            case RecordShape.Preference:
                return record.Prompt is null ? null : "prompt";
            case RecordShape.Messages:
                var last = record.Messages!.Select((m, i) => (m.Role, i)).LastOrDefault(m => m.Role == "assistant");
                return last.Role is null ? null : $"messages[{last.i}].content";
            default:
                return record.Completion is null ? null : "completion";
        }
    }
}
