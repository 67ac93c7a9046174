namespace Governance.Data.Settings;

/// <summary>
/// A setting people change in the portal (not in appsettings or the environment): one row per name, the value as
/// text, and who changed it last and when. Every change is also written to the audit trail.
/// </summary>
public sealed class PortalSetting
{
    public required string Name { get; init; }

    public required string Value { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
