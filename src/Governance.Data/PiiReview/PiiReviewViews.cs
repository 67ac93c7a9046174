using Governance.Core.PiiReview;
using Governance.Core.Validation;

namespace Governance.Data.PiiReview;

/// <summary>A finding as a reviewer sees it: its place, score and recognizer (none for an added one), and the decision if any.</summary>
public sealed record ReviewedFinding(PiiFindingKey Key, double? Score, string Recognizer, PiiDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedUtc);

/// <summary>Which findings to list: of one type or recognizer, only those nobody decided yet, one page.</summary>
public sealed record PiiFindingQuery(string? Type = null, string? Recognizer = null, bool UnreviewedOnly = false, int Page = 0, int Size = 50)
{
    public void Validate()
    {
        if (Page < 0) throw new ValidationError("page", "Pages count from 0.");
        if (Size is < 1 or > 500) throw new ValidationError("size", "Ask for 1 to 500 findings per page.");
    }
}

/// <summary>Findings of one type in one field (array positions folded: <c>messages[].content</c>) by decision.</summary>
public sealed record PiiReviewCount(string Type, string Field, long Confirmed, long Dismissed, long Unreviewed, bool Blocking);

/// <summary>The audit of the version anonymized from this one: its number, state, findings and the blocking ones not dismissed.</summary>
public sealed record PiiResidual(int Version, string State, long? Findings, long? UnresolvedBlocking);

/// <summary>
/// Where a version's review stands: counts per type and field, the blocking findings not dismissed (null until the
/// version's audit succeeded), and the residual after redaction when a redacted version exists.
/// </summary>
public sealed record PiiReviewSummary(IReadOnlyList<PiiReviewCount> Counts, long? UnresolvedBlocking, IReadOnlyList<string> BlockingTypes, PiiResidual? Residual);
