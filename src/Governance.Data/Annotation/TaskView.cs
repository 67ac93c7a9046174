using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Distribution;
using Governance.Core.Datasets.Records;

namespace Governance.Data.Annotation;

/// <summary>
/// A task as the labelling page and the API show it: the record's parts each question works on, the responses of a
/// preference pair in the order shown to this annotator, the draft, the submitted answers and a reviewer's comment.
/// Whether the record is gold is not shown.
/// </summary>
public sealed record TaskView(long Id, string Project, long Record, int Revision, TaskState State, string Prompt, string ExistingResponse,
    string SpanText, IReadOnlyList<ChatTurn>? Messages, IReadOnlyList<TaskView.ShownResponse>? Responses, string? Draft, string? Answers,
    string? ReviewComment, int Position, int Count)
{
    /// <summary>One response of a preference pair: its identity ("a" = the record's chosen, "b" = rejected) and text.</summary>
    public sealed record ShownResponse(string Id, string Text);

    internal static TaskView Of(AnnotationTask task, string project, DatasetRecord record, int position, int count) =>
        new(task.Id, project, task.Ordinal + 1, task.Revision, task.State, AnnotationText.Prompt(record), AnnotationText.ExistingResponse(record),
            AnnotationText.SpanSource(record), record.Messages, InShownOrder(task.ShownOrder, record), task.DraftAnswers, task.Answers,
            task.ReviewComment, position, count);

    private static List<ShownResponse>? InShownOrder(string? order, DatasetRecord record)
    {
        if (order is null || record.Shape != RecordShape.Preference) return null;
        var a = new ShownResponse("a", record.Chosen ?? "");
        var b = new ShownResponse("b", record.Rejected ?? "");
        return order == ShownOrder.AFirst ? [a, b] : [b, a];
    }
}
