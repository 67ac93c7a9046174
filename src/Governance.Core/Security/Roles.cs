namespace Governance.Core.Security;

/// <summary>The roles of the portal; the only place their names are spelled.</summary>
public static class Roles
{
    /// <summary>Manages users, roles, settings and the health of the system.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Labels training data in the browser.</summary>
    public const string Annotator = nameof(Annotator);

    /// <summary>Adjudicates disagreements and accepts or rejects annotations.</summary>
    public const string Reviewer = nameof(Reviewer);

    /// <summary>Runs PII and bias audits and approves releases.</summary>
    public const string ComplianceOfficer = nameof(ComplianceOfficer);

    /// <summary>Selects base models, launches training and evaluates models.</summary>
    public const string MLEngineer = nameof(MLEngineer);

    /// <summary>Watches progress, quality and risk; downloads reports.</summary>
    public const string Manager = nameof(Manager);

    /// <summary>Every role, in the order the portal lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Administrator, Annotator, Reviewer, ComplianceOfficer, MLEngineer, Manager];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/> (exact spelling).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
