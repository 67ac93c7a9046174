using Governance.Core.Validation;

namespace Governance.Core.Pii;

/// <summary>
/// How a project scans: the score a finding needs, values never reported (allow list) and values always reported as
/// a given type (deny list: value to type), compared case-insensitively.
/// </summary>
public sealed record PiiSettings(
    double Threshold = PiiSettings.DefaultThreshold, IReadOnlyCollection<string>? AllowList = null, IReadOnlyDictionary<string, string>? DenyList = null)
{
    /// <summary>The default threshold.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>How far before or after a candidate context words count, in characters.</summary>
    public const int ContextWindow = 40;

    /// <summary>How much a context word adds to a score (capped at 1).</summary>
    public const double ContextBoost = 0.25;

    /// <summary>Refuses a threshold outside 0-1, naming the field.</summary>
    public void Validate()
    {
        if (double.IsNaN(Threshold) || Threshold < 0 || Threshold > 1)
            throw new ValidationError("threshold", $"Use a threshold between 0 and 1 (got {Threshold}).");
        foreach (var (value, type) in DenyList ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ValidationError("denyList", "A deny-list entry is empty.");
            if (!PiiTypes.All.Contains(type))
                throw new ValidationError("denyList", $"'{type}' is not a PII type; use one of {string.Join(", ", PiiTypes.All)}.");
        }
    }
}
