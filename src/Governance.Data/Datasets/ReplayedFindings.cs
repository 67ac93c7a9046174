using Governance.Core.Pii;

namespace Governance.Data.Datasets;

/// <summary>
/// A recognizer that gives back, for each text of the current record, the findings the audit's scanner already made
/// in it, so that <see cref="PiiAuditBuilder"/> summarises the same findings the audit stores without scanning every
/// field a second time. The findings are final (scored, thresholded, overlaps resolved); no context word changes them.
/// </summary>
internal sealed class ReplayedFindings : IPiiRecognizer
{
    private readonly Dictionary<string, IReadOnlyList<PiiFinding>> _byText = new(StringComparer.Ordinal);

    public string Name => "replayed";

    public IReadOnlyList<string> ContextWords => [];

    /// <summary>Forgets the previous record's texts.</summary>
    public void Clear() => _byText.Clear();

    public void Remember(string text, IReadOnlyList<PiiFinding> findings) => _byText[text] = findings;

    public IEnumerable<PiiFinding> Recognize(string text) => _byText.GetValueOrDefault(text) ?? [];
}
