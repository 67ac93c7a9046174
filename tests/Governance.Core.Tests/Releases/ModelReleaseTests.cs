using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Releases;

public sealed class ModelReleaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Complete = [];

    private static Actor As(string name, params string[] roles) => new(name, roles.ToHashSet());

    [Fact]
    public void A_model_needs_a_complete_card_and_two_approvers_including_compliance_before_deployment()
    {
        var release = new ModelRelease("w1");
        var engineer = As("eng", Roles.MLEngineer);
        release.Act("record-evaluation", Actor.System, Now, Complete);

        var incomplete = Assert.Throws<ValidationError>(() => release.Act("submit", engineer, Now, ["intended use", "limitations"]));
        Assert.Equal("The model card is incomplete: add intended use, limitations.", incomplete.Message);
        release.Act("submit", engineer, Now, Complete);
        Assert.Throws<ForbiddenTransition>(() => release.Act("approve", engineer, Now, Complete));
        Assert.Throws<ForbiddenTransition>(() => release.Act("approve", As("ann", Roles.Annotator), Now, Complete));
        release.Act("approve", As("mgr", Roles.Manager), Now, Complete);
        Assert.Equal(ModelReleaseState.InReview, release.State);
        release.Act("approve", As("co", Roles.ComplianceOfficer), Now, Complete);
        Assert.Equal(ModelReleaseState.Approved, release.State);
        Assert.Equal("comment", Assert.Throws<ValidationError>(() => release.Act("revoke", As("co", Roles.ComplianceOfficer), Now, Complete)).Field);
        release.Act("deploy", engineer, Now, Complete);
        release.Act("retire", engineer, Now, Complete);
        Assert.Equal(ModelReleaseState.Retired, release.State);
    }

    [Fact]
    public void New_weights_send_the_model_back_to_Trained_with_no_approval()
    {
        var release = new ModelRelease("w1");
        release.Act("record-evaluation", Actor.System, Now, Complete);
        release.ChangeWeights("w2");

        Assert.Equal((ModelReleaseState.Trained, "w2"), (release.State, release.WeightsHash));
        Assert.Empty(release.ValidApprovals);
        Assert.Throws<ValidationError>(() => release.Act("submit", As("eng", Roles.MLEngineer), Now, Complete));
    }
}
