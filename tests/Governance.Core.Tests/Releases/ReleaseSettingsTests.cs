using Governance.Core.Configuration;
using Governance.Core.Releases;

namespace Governance.Core.Tests.Releases;

public sealed class ReleaseSettingsTests
{
    private static ReleaseSettings Read(params (string Key, string Value)[] values) =>
        ReleaseSettings.Read(new SettingReader(key => values.FirstOrDefault(v => v.Key == key).Value));

    [Fact]
    public void Unset_means_two_approvers_and_tokens_for_fifteen_minutes()
    {
        Assert.Equal(ReleaseSettings.Default, Read());
        Assert.Equal(new ReleaseSettings(3, TimeSpan.FromSeconds(60)),
            Read((SettingNames.ReleaseRequiredApprovals, "3"), (SettingNames.ReleaseDownloadTokenSeconds, "60")));
    }

    [Fact]
    public void One_approver_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ConfigurationError>(() => Read((SettingNames.ReleaseRequiredApprovals, "1")));
        Assert.Equal(SettingNames.ReleaseRequiredApprovals, error.Setting);
    }
}
