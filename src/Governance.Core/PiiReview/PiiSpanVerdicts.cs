namespace Governance.Core.PiiReview;

/// <summary>
/// Turns the spans annotators marked in a field into decisions on the audit's findings there: a finding marked at the
/// same place with the same type is confirmed, one not marked is dismissed, and a marked span no finding matches is
/// added as a missed finding. Only findings of a type the annotators could label are decided: one they had no label
/// for stays undecided, so a narrower label set never dismisses a blocking finding.
/// </summary>
public static class PiiSpanVerdicts
{
    /// <summary>
    /// The decision on each finding of <paramref name="findings"/> whose type is among <paramref name="labels"/>, and on
    /// each unmatched span of <paramref name="marked"/>.
    /// </summary>
    public static IReadOnlyList<(PiiFindingKey Key, PiiDecision Decision)> Decide(IReadOnlyCollection<PiiFindingKey> findings,
        IReadOnlyCollection<PiiFindingKey> marked, IReadOnlyCollection<string> labels)
    {
        var spans = marked.ToHashSet();
        var found = findings.Where(f => labels.Contains(f.Type)).ToHashSet();
        return
        [
            .. found.Select(f => (f, spans.Contains(f) ? PiiDecision.Confirmed : PiiDecision.Dismissed)),
            .. spans.Where(s => !findings.Contains(s)).Select(s => (s, PiiDecision.Added)),
        ];
    }
}
