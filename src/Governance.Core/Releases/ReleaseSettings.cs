using Governance.Core.Configuration;

namespace Governance.Core.Releases;

/// <summary>
/// Settings of the release workflow: how many distinct approvers a new release needs (<see cref="SettingNames.ReleaseRequiredApprovals"/>,
/// at least 2, default 2) and how long a download token in a <c>DatasetReleased</c> message stays valid
/// (<see cref="SettingNames.ReleaseDownloadTokenSeconds"/>, default 900).
/// </summary>
public sealed record ReleaseSettings(int RequiredApprovals, TimeSpan DownloadTokenLifetime)
{
    /// <summary>Two approvers; tokens valid for 15 minutes.</summary>
    public static ReleaseSettings Default { get; } = new(2, TimeSpan.FromMinutes(15));

    /// <summary>Reads both settings; a value out of range fails, naming the key.</summary>
    public static ReleaseSettings Read(SettingReader settings)
    {
        var approvals = settings.PositiveInt(SettingNames.ReleaseRequiredApprovals, Default.RequiredApprovals);
        if (approvals < 2)
            throw new ConfigurationError(SettingNames.ReleaseRequiredApprovals, $"{approvals} is too few: a release needs at least 2 approvers (segregation of duties).");
        var seconds = settings.PositiveInt(SettingNames.ReleaseDownloadTokenSeconds, (int)Default.DownloadTokenLifetime.TotalSeconds);
        return new(approvals, TimeSpan.FromSeconds(seconds));
    }
}
