using Governance.Core.Configuration;
using Governance.Core.Pii;

namespace Governance.Core.PiiReview;

/// <summary>
/// The finding types a release may not carry unresolved (<see cref="SettingNames.PiiBlockingTypes"/>). By default every
/// type but <see cref="PiiTypes.Url"/>: web addresses mostly name public pages, while an IP address identifies a
/// connection and counts as personal data under the GDPR, so it blocks.
/// </summary>
public sealed class PiiBlockingTypes
{
    private PiiBlockingTypes(IReadOnlyList<string> types) => Types = types;

    /// <summary>The blocking types, in <see cref="PiiTypes.All"/> order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Every type but <see cref="PiiTypes.Url"/>.</summary>
    public static PiiBlockingTypes Default { get; } = new([.. PiiTypes.All.Where(t => t != PiiTypes.Url)]);

    /// <summary>The types named in the setting (comma-separated), or the default when it is empty.</summary>
    public static PiiBlockingTypes Read(SettingReader settings)
    {
        if (settings.Optional(SettingNames.PiiBlockingTypes) is not { } value) return Default;
        var named = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (named.FirstOrDefault(t => !PiiTypes.All.Contains(t, StringComparer.Ordinal)) is { } unknown)
            throw new ConfigurationError(SettingNames.PiiBlockingTypes, $"'{unknown}' is not a finding type; use a comma-separated list of {string.Join(", ", PiiTypes.All)}.");
        return new([.. PiiTypes.All.Where(named.Contains)]);
    }
}
