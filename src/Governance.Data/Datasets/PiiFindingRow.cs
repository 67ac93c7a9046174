using Governance.Core.PiiReview;

namespace Governance.Data.Datasets;

/// <summary>Where a finding is in a version, the key of both findings and decisions: never the value.</summary>
public abstract class PiiPlaceRow
{
    public Guid VersionId { get; init; }

    public long Ordinal { get; init; }

    public required string Field { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public required string Type { get; init; }

    public PiiFindingKey Key => new(Ordinal, Field, Start, End, Type);
}

/// <summary>One finding of a version's PII audit, with its score and recognizer; replaced when the audit runs again.</summary>
public sealed class PiiFindingRow : PiiPlaceRow
{
    public double Score { get; init; }

    public required string Recognizer { get; init; }
}

/// <summary>A reviewer's decision on a finding (or a missed one they added), by the finding's place, with who and when; kept across re-runs of the audit.</summary>
public sealed class PiiDecisionRow : PiiPlaceRow
{
    public PiiDecision Decision { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedUtc { get; set; }
}
