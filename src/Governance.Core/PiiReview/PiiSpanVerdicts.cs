namespace Governance.Core.PiiReview;

/// <summary>
/// Turns the spans annotators marked in a field into decisions on the audit's findings there: a finding marked at the
/// same place with the same type is confirmed, one not marked is dismissed, and a marked span no finding matches is
/// added as a missed finding.
/// </summary>
public static class PiiSpanVerdicts
{
    /// <summary>The decision on each finding of <paramref name="findings"/> and on each unmatched span of <paramref name="marked"/>.</summary>
    public static IReadOnlyList<(PiiFindingKey Key, PiiDecision Decision)> Decide(IReadOnlyCollection<PiiFindingKey> findings, IReadOnlyCollection<PiiFindingKey> marked)
    {
        var spans = marked.ToHashSet();
        var found = findings.ToHashSet();
        return
        [
            .. found.Select(f => (f, spans.Contains(f) ? PiiDecision.Confirmed : PiiDecision.Dismissed)),
            .. spans.Where(s => !found.Contains(s)).Select(s => (s, PiiDecision.Added)),
        ];
    }
}
