using System.Text.Json;
using Governance.Core.Datasets.Records;
using Governance.Core.Pii;

namespace Governance.Core.Datasets.Redaction;

/// <summary>
/// Anonymizes a record's text: prompt, completion, message contents, chosen, rejected, text and the string values of
/// its metadata (labels are left as they are). Counts findings by type; never keeps a value.
/// </summary>
public sealed class RecordRedactor(PiiScanner scanner, PiiAnonymizer anonymizer)
{
    /// <summary>Findings rewritten so far, by type.</summary>
    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>The record with its personal data rewritten.</summary>
    public DatasetRecord Apply(DatasetRecord record) => record with
    {
        Prompt = Clean(record.Prompt),
        Completion = Clean(record.Completion),
        Messages = record.Messages?.Select(m => m with { Content = Clean(m.Content)! }).ToList(),
        Chosen = Clean(record.Chosen),
        Rejected = Clean(record.Rejected),
        Text = Clean(record.Text),
        Metadata = new SortedDictionary<string, JsonElement>(record.Metadata.ToDictionary(m => m.Key, m => CleanJson(m.Value)), StringComparer.Ordinal),
    };

    private string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var findings = scanner.Scan(text);
        foreach (var finding in findings) Counts[finding.Type] = Counts.GetValueOrDefault(finding.Type) + 1;
        return anonymizer.Apply(text, findings);
    }

    private JsonElement CleanJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.SerializeToElement(Clean(value.GetString())),
        JsonValueKind.Array => JsonSerializer.SerializeToElement(value.EnumerateArray().Select(CleanJson).ToList()),
        JsonValueKind.Object => JsonSerializer.SerializeToElement(value.EnumerateObject().ToDictionary(p => p.Name, p => CleanJson(p.Value))),
        _ => value,
    };
}
