using Governance.Core.Datasets.Records;

namespace Governance.Core.Annotation.Answers;

/// <summary>Which parts of a record each kind of question works on, in one place for the page, the checks and the output.</summary>
public static class AnnotationText
{
    /// <summary>What a response answers: the prompt, the last user turn, or the text.</summary>
    public static string Prompt(DatasetRecord record) => record.Shape switch
    {
        RecordShape.Messages => record.Messages!.LastOrDefault(m => m.Role == "user")?.Content ?? "",
        _ => record.Prompt ?? record.Text ?? "",
    };

    /// <summary>The response the record already has, which a response question starts from; empty when none.</summary>
    public static string ExistingResponse(DatasetRecord record) => record.Shape switch
    {
        RecordShape.Messages => record.Messages!.LastOrDefault(m => m.Role == "assistant")?.Content ?? "",
        RecordShape.Preference => record.Chosen ?? "",
        _ => record.Completion ?? "",
    };

    /// <summary>The text spans are marked in: the text, the completion, or the last assistant turn.</summary>
    public static string SpanSource(DatasetRecord record) => record.Shape switch
    {
        RecordShape.Text or RecordShape.Classification => record.Text ?? "",
        RecordShape.Preference => record.Prompt ?? "",
        _ => ExistingResponse(record),
    };
}
