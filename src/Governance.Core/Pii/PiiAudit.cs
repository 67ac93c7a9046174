using System.Text;

namespace Governance.Core.Pii;

/// <summary>One finding shown for review: where, what, and the value masked (first character kept, the rest '*').</summary>
public sealed record PiiExcerpt(long Record, string Field, string Type, string Before, string Masked, string After, double Score);

/// <summary>What a PII audit of a version found: counts by type and by field, how many records carry any, and the first excerpts.</summary>
public sealed record PiiAuditSummary(
    double Threshold, long Records, long RecordsWithFindings, long Findings, IReadOnlyDictionary<string, long> ByType,
    IReadOnlyDictionary<string, long> ByField, IReadOnlyList<PiiExcerpt> Excerpts);

/// <summary>
/// Builds a <see cref="PiiAuditSummary"/> from records fed one at a time. Values never leave it unmasked: excerpts keep
/// 24 characters of context on each side, with the value itself masked.
/// </summary>
public sealed class PiiAuditBuilder(PiiScanner scanner, double threshold)
{
    /// <summary>How many excerpts the summary keeps.</summary>
    public const int MaxExcerpts = 100;

    private const int Context = 24;
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byField = new(StringComparer.Ordinal);
    private readonly List<PiiExcerpt> _excerpts = [];
    private long _records, _withFindings, _findings;

    /// <summary>Adds the string fields of the next record (1-based <paramref name="record"/>).</summary>
    public void Add(long record, IEnumerable<(string Field, string Text)> fields)
    {
        _records++;
        var any = false;
        foreach (var (field, text) in fields)
            foreach (var finding in scanner.Scan(text))
            {
                any = true;
                _findings++;
                _byType[finding.Type] = _byType.GetValueOrDefault(finding.Type) + 1;
                // Array positions are dropped so that messages[3].content and messages[7].content count together.
                var general = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "[]");
                _byField[general] = _byField.GetValueOrDefault(general) + 1;
                if (_excerpts.Count < MaxExcerpts) _excerpts.Add(Excerpt(record, field, text, finding));
            }
        if (any) _withFindings++;
    }

    /// <summary>The summary of everything added.</summary>
    public PiiAuditSummary Build() => new(threshold, _records, _withFindings, _findings,
        _byType.OrderByDescending(t => t.Value).ToDictionary(), _byField.OrderByDescending(f => f.Value).ToDictionary(), _excerpts);

    private static PiiExcerpt Excerpt(long record, string field, string text, PiiFinding finding)
    {
        var before = text[Math.Max(0, finding.Start - Context)..finding.Start];
        var after = text[finding.End..Math.Min(text.Length, finding.End + Context)];
        return new PiiExcerpt(record, field, finding.Type, before, Mask(text[finding.Start..finding.End]), after, Math.Round(finding.Score, 3));
    }

    private static string Mask(string value)
    {
        var masked = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++) masked.Append(i == 0 || !char.IsLetterOrDigit(value[i]) ? value[i] : '*');
        return masked.ToString();
    }
}
