namespace Governance.Core.PiiReview;

/// <summary>What a reviewer decided about a finding of a PII audit.</summary>
public enum PiiDecision
{
    /// <summary>Personal data indeed: it stays a blocking finding of its version until a redacted version removes it.</summary>
    Confirmed,

    /// <summary>Not personal data (a false positive): it no longer blocks.</summary>
    Dismissed,

    /// <summary>Personal data the audit missed, marked by the reviewer; it counts as confirmed.</summary>
    Added,
}

/// <summary>
/// Where a finding is, and so which finding a decision is about: the record (0-based ordinal of its version), the field
/// path (e.g. <c>messages[1].content</c>), the UTF-16 offsets (end exclusive) and the type. Never the value.
/// </summary>
public sealed record PiiFindingKey(long Ordinal, string Field, int Start, int End, string Type)
{
    /// <summary>The longest field path a finding may have; a longer one would not fit the stored key.</summary>
    public const int MaxField = 256;

    /// <summary>How the audit trail names it: record 3, text, 10-25, EMAIL_ADDRESS (the record 1-based, as people count).</summary>
    public override string ToString() => $"record {Ordinal + 1}, {Field}, {Start}-{End}, {Type}";
}
