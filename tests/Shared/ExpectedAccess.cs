namespace Governance.Tests.Shared;

/// <summary>
/// What each role may see, written out by hand as the oracle for navigation tests, independent of the portal's
/// own navigation catalog and policies.
/// </summary>
public static class ExpectedAccess
{
    public static IReadOnlyDictionary<string, string[]> NavigationByRole { get; } = new Dictionary<string, string[]>
    {
        ["Administrator"] = ["nav-home", "nav-workers", "nav-admin-users", "nav-admin-health", "nav-admin-audit"],
        ["Annotator"] = ["nav-home", "nav-annotation"],
        ["Reviewer"] = ["nav-home", "nav-datasets", "nav-releases", "nav-models", "nav-annotation"],
        ["ComplianceOfficer"] = ["nav-home", "nav-datasets", "nav-releases", "nav-models", "nav-admin-audit"],
        ["MLEngineer"] = ["nav-home", "nav-datasets", "nav-releases", "nav-models", "nav-workers"],
        ["Manager"] = ["nav-home", "nav-datasets", "nav-releases", "nav-models", "nav-annotation", "nav-workers"],
    };

    /// <summary>The demo user of each role (embedded demo mode).</summary>
    public static IReadOnlyDictionary<string, string> DemoUserByRole { get; } = new Dictionary<string, string>
    {
        ["Administrator"] = "admin", ["Annotator"] = "annotator", ["Reviewer"] = "reviewer",
        ["ComplianceOfficer"] = "compliance", ["MLEngineer"] = "engineer", ["Manager"] = "manager",
    };

    /// <summary>Every routable page that needs a signed-in user; a portal test proves the list complete.</summary>
    public static IReadOnlyList<string> ProtectedPages { get; } =
        ["/", "/datasets", "/datasets/{Name}", "/datasets/{Name}/versions/{Number:int}/pii-review", "/annotation", "/annotation/new", "/annotation/{Name}", "/annotation/{Name}/label",
         "/annotation/{Name}/review", "/releases", "/releases/inbox", "/releases/{Id:guid}", "/models", "/models/{Id:guid}", "/notifications", "/workers", "/admin/users", "/admin/health", "/admin/audit", "/account/access-denied", "/not-found"];

    /// <summary>Pages only Administrators may open.</summary>
    public static IReadOnlyList<string> AdministratorPages { get; } = ["/admin/users", "/admin/health"];
}
