using System.Text.Json;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Bias;

/// <summary>
/// What the bias audit reads of one record: its texts, its labels if any, and for preference data the chosen and
/// rejected responses, which also count as texts of the record.
/// </summary>
/// <param name="Texts">Prompt, completion, conversation turns or plain text.</param>
/// <param name="Labels">The record's label values; null or empty when unlabelled.</param>
/// <param name="Chosen">The preferred response of a preference pair.</param>
/// <param name="Rejected">The other response.</param>
public sealed record BiasRecord(IReadOnlyList<string> Texts, IReadOnlyList<string>? Labels = null, string? Chosen = null, string? Rejected = null)
{
    /// <summary>The audit's view of a dataset record, with labels read from <paramref name="label"/>'s field.</summary>
    public static BiasRecord From(DatasetRecord record, BiasLabel? label = null)
    {
        IReadOnlyList<string> texts = record.Shape switch
        {
            RecordShape.PromptCompletion => [record.Prompt!, record.Completion!],
            RecordShape.Messages => [.. record.Messages!.Select(m => m.Content)],
            RecordShape.Preference => [record.Prompt!],
            _ => [record.Text!],
        };
        return new BiasRecord(texts, label is null ? null : LabelsOf(record, label.Field), record.Chosen, record.Rejected);
    }

    private static IReadOnlyList<string>? LabelsOf(DatasetRecord record, string field)
    {
        if (field == "label") return record.Labels;
        if (!record.Metadata.TryGetValue(field, out var value)) return null;
        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(Text).OfType<string>()] : Text(value) is { } one ? [one] : null;
    }

    /// <summary>A label as the record parser writes it: strings as they are, numbers and booleans as their JSON.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
