using System.Text.Json;

namespace Governance.Core.Datasets.Records;

/// <summary>
/// One training record in its recognised shape. Fields the shape does not use are null; fields of the source that
/// are no part of any shape are kept, as JSON, in <see cref="Metadata"/>.
/// </summary>
public sealed record DatasetRecord
{
    /// <summary>Which shape the record has.</summary>
    public required RecordShape Shape { get; init; }

    /// <summary>The prompt (prompt/completion and preference shapes).</summary>
    public string? Prompt { get; init; }

    /// <summary>The completion.</summary>
    public string? Completion { get; init; }

    /// <summary>The conversation (messages shape).</summary>
    public IReadOnlyList<ChatTurn>? Messages { get; init; }

    /// <summary>The preferred response.</summary>
    public string? Chosen { get; init; }

    /// <summary>The other response.</summary>
    public string? Rejected { get; init; }

    /// <summary>The text (text and classification shapes).</summary>
    public string? Text { get; init; }

    /// <summary>One label for single-label classification, several for multi-label.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>True when the source used <c>labels</c> (a list) rather than <c>label</c>.</summary>
    public bool MultiLabel { get; init; }

    /// <summary>Extra fields of the source, by name (sorted), with their JSON values.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>The text a full-text search and the length statistics look at: every text field, joined.</summary>
    public string SearchableText => Shape switch
    {
        RecordShape.PromptCompletion => $"{Prompt}\n{Completion}",
        RecordShape.Messages => string.Join("\n", Messages!.Select(m => m.Content)),
        RecordShape.Preference => $"{Prompt}\n{Chosen}\n{Rejected}",
        _ => Text!,
    };
}
