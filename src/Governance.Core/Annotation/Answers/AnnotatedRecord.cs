using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Annotation.Answers;

/// <summary>
/// A record with a project's final answers merged in: a response replaces the completion (or the last assistant
/// turn); a preference for "b" swaps chosen and rejected; a single label becomes the label and multi-labels the
/// labels of a classification record; every answer is also kept under metadata <c>annotation</c>.
/// </summary>
public static class AnnotatedRecord
{
    /// <summary>The metadata field that holds the answers.</summary>
    public const string MetadataField = "annotation";

    /// <summary><paramref name="record"/> with the canonical <paramref name="answers"/> applied.</summary>
    public static DatasetRecord Apply(DatasetRecord record, IReadOnlyList<Question> questions, string answers)
    {
        using var document = JsonDocument.Parse(answers);
        var root = document.RootElement;
        var result = record;
        foreach (var question in questions)
        {
            var value = root.GetProperty(question.Key);
            result = question.Kind switch
            {
                QuestionKind.Response => WithResponse(result, value.GetString()!),
                QuestionKind.Preference when value.GetString() == "b" => result with { Chosen = result.Rejected, Rejected = result.Chosen },
                QuestionKind.SingleLabel when result.Shape == RecordShape.Classification && !result.MultiLabel => result with { Labels = [value.GetString()!] },
                QuestionKind.MultiLabel when result.Shape == RecordShape.Classification && result.MultiLabel =>
                    result with { Labels = [.. value.EnumerateArray().Select(v => v.GetString()!)] },
                _ => result,
            };
        }
        var metadata = new SortedDictionary<string, JsonElement>(result.Metadata.ToDictionary(), StringComparer.Ordinal) { [MetadataField] = root.Clone() };
        return result with { Metadata = metadata };
    }

    private static DatasetRecord WithResponse(DatasetRecord record, string response) => record.Shape switch
    {
        RecordShape.PromptCompletion => record with { Completion = response },
        RecordShape.Preference => record with { Chosen = response },
        RecordShape.Messages => record with { Messages = ReplaceLastAssistant(record.Messages!, response) },
        _ => record,
    };

    private static List<ChatTurn> ReplaceLastAssistant(IReadOnlyList<ChatTurn> turns, string response)
    {
        var list = turns.ToList();
        var last = list.FindLastIndex(t => t.Role == "assistant");
        if (last >= 0) list[last] = list[last] with { Content = response };
        else list.Add(new ChatTurn("assistant", response));
        return list;
    }
}
