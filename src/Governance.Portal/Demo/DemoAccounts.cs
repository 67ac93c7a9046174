using Governance.Core.Security;

namespace Governance.Portal.Demo;

/// <summary>Whether this process seeds demo users: only the embedded default, and only while Demo:Enabled is true.</summary>
public sealed record DemoOptions(bool Enabled);

/// <summary>One demo user per role, a second annotator so that overlap and review can be tried, and a second compliance officer so that two can approve a release. These passwords exist only in the embedded demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "Governance-Demo-2026!";

    public static IReadOnlyList<(string UserName, string DisplayName, string Role)> All { get; } =
    [
        ("admin", "Ada Admin", Roles.Administrator),
        ("annotator", "Ann Annotator", Roles.Annotator),
        ("annotator2", "Abe Annotator", Roles.Annotator),
        ("reviewer", "Rui Reviewer", Roles.Reviewer),
        ("compliance", "Chloe Compliance", Roles.ComplianceOfficer),
        ("compliance2", "Cem Compliance", Roles.ComplianceOfficer),
        ("engineer", "Emil Engineer", Roles.MLEngineer),
        ("manager", "Mona Manager", Roles.Manager),
    ];
}
