using System.Globalization;
using System.Text;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Preprocessing;

/// <summary>The text steps of preprocessing, applied to every text field of a record (labels and metadata are kept).</summary>
public static class TextNormalizer
{
    /// <summary>The record with the plan's text steps applied to prompt, completion, messages, chosen, rejected and text.</summary>
    public static DatasetRecord Apply(DatasetRecord record, PreprocessingPlan plan)
    {
        if (!plan.ChangesText) return record;
        string? Clean(string? value) => value is null ? null : Apply(value, plan);
        return record with
        {
            Prompt = Clean(record.Prompt), Completion = Clean(record.Completion), Chosen = Clean(record.Chosen),
            Rejected = Clean(record.Rejected), Text = Clean(record.Text),
            Messages = record.Messages?.Select(m => m with { Content = Apply(m.Content, plan) }).ToList(),
        };
    }

    /// <summary>One text with the plan's steps applied: NFC, then control characters, then white space.</summary>
    public static string Apply(string text, PreprocessingPlan plan)
    {
        if (plan.Nfc && !text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        if (plan.ControlCharacters) text = RemoveControlCharacters(text);
        if (plan.Whitespace) text = NormalizeWhitespace(text);
        return text;
    }

    private static string RemoveControlCharacters(string text)
    {
        if (!text.Any(IsRemovable)) return text;
        var kept = new StringBuilder(text.Length);
        foreach (var c in text) if (!IsRemovable(c)) kept.Append(c);
        return kept.ToString();
    }

    private static bool IsRemovable(char c) =>
        c is not ('\n' or '\t') && (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format && c != '\u200D');

    private static string NormalizeWhitespace(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank > 1) continue;
            if (result.Length > 0) result.Append('\n');
            result.Append(line);
        }
        return result.ToString().Trim('\n');
    }
}
