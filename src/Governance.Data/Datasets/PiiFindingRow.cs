using Governance.Core.PiiReview;

namespace Governance.Data.Datasets;

/// <summary>One finding of a version's PII audit, where it is and what it is, never the value; replaced when the audit runs again.</summary>
public sealed class PiiFindingRow
{
    public Guid VersionId { get; init; }

    public long Ordinal { get; init; }

    public required string Field { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public required string Type { get; init; }

    public double Score { get; init; }

    public required string Recognizer { get; init; }

    public PiiFindingKey Key => new(Ordinal, Field, Start, End, Type);
}

/// <summary>A reviewer's decision on a finding (or a missed one they added), by the finding's place, with who and when; kept across re-runs of the audit.</summary>
public sealed class PiiDecisionRow
{
    public Guid VersionId { get; init; }

    public long Ordinal { get; init; }

    public required string Field { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public required string Type { get; init; }

    public PiiDecision Decision { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedUtc { get; set; }

    public PiiFindingKey Key => new(Ordinal, Field, Start, End, Type);
}
