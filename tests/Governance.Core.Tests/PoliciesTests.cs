using Governance.Core.Security;

namespace Governance.Core.Tests;

public sealed class PoliciesTests
{
    [Fact]
    public void Every_role_based_policy_admits_only_known_roles_and_at_least_one()
    {
        foreach (var (policy, roles) in Policies.RolesByPolicy)
        {
            Assert.NotEmpty(roles);
            Assert.All(roles, role => Assert.True(Roles.IsKnown(role), $"{policy} names unknown role {role}"));
        }
    }

    [Fact]
    public void Signed_in_admits_a_user_with_no_role_at_all()
    {
        Assert.True(Policies.Admits(Policies.SignedIn, []));
    }

    [Fact]
    public void An_annotator_may_not_manage_users_see_health_or_workers()
    {
        string[] annotator = [Roles.Annotator];
        Assert.False(Policies.Admits(Policies.ManageUsers, annotator));
        Assert.False(Policies.Admits(Policies.ViewSystemHealth, annotator));
        Assert.False(Policies.Admits(Policies.ViewWorkers, annotator));
    }

    [Fact]
    public void A_manager_sees_workers_but_cannot_queue_device_checks()
    {
        Assert.True(Policies.Admits(Policies.ViewWorkers, [Roles.Manager]));
        Assert.False(Policies.Admits(Policies.RunDeviceChecks, [Roles.Manager]));
    }

    [Fact]
    public void Only_annotators_label_only_reviewers_review_and_only_managers_manage_annotators()
    {
        Assert.Equal([Roles.Annotator], Roles.All.Where(r => Policies.Admits(Policies.AnnotateRecords, [r])));
        Assert.Equal([Roles.Reviewer], Roles.All.Where(r => Policies.Admits(Policies.ReviewAnnotations, [r])));
        Assert.Equal([Roles.Reviewer, Roles.Manager], Roles.All.Where(r => Policies.Admits(Policies.ManageAnnotationProjects, [r])));
        Assert.Equal([Roles.Manager], Roles.All.Where(r => Policies.Admits(Policies.ManageAnnotators, [r])));
    }

    [Fact]
    public void Audits_run_as_anonymization_does_but_only_compliance_officers_configure_bias_and_review_findings()
    {
        Assert.Equal([Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager], Roles.All.Where(r => Policies.Admits(Policies.AuditDatasets, [r])));
        Assert.Equal([Roles.ComplianceOfficer], Roles.All.Where(r => Policies.Admits(Policies.ConfigureBiasAudits, [r])));
        Assert.Equal([Roles.ComplianceOfficer], Roles.All.Where(r => Policies.Admits(Policies.ReviewPiiFindings, [r])));
    }

    [Fact]
    public void An_unknown_policy_admits_nobody()
    {
        Assert.False(Policies.Admits("NoSuchPolicy", Roles.All));
    }

    [Fact]
    public void Role_names_are_matched_exactly()
    {
        Assert.True(Roles.IsKnown("Administrator"));
        Assert.False(Roles.IsKnown("administrator"));
    }

    [Fact]
    public void Only_ML_engineers_register_models_and_write_model_cards_and_annotators_and_administrators_see_no_models()
    {
        Assert.Equal([Roles.MLEngineer], Roles.All.Where(r => Policies.Admits(Policies.RegisterModels, [r])));
        Assert.Equal([Roles.MLEngineer], Roles.All.Where(r => Policies.Admits(Policies.EditModelCards, [r])));
        Assert.Equal([Roles.Reviewer, Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager], Roles.All.Where(r => Policies.Admits(Policies.ViewModels, [r])));
    }
}
