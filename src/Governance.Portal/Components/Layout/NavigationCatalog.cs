using Governance.Core.Security;
using MudBlazor;

namespace Governance.Portal.Components.Layout;

/// <summary>A link in the navigation, shown only to users whom <see cref="Policy"/> admits.</summary>
public sealed record NavigationEntry(string Href, string Title, string Icon, string Policy)
{
    /// <summary>The element id, e.g. "nav-admin-users", used by tests and screen readers' landmarks.</summary>
    public string Id => "nav-" + (Href.Length == 0 ? "home" : Href.Replace('/', '-'));
}

/// <summary>Every page the navigation offers, with the policy that the page itself also demands.</summary>
public static class NavigationCatalog
{
    public static IReadOnlyList<NavigationEntry> Entries { get; } =
    [
        new("", "Home", Icons.Material.Filled.Home, Policies.SignedIn),
        new("datasets", "Datasets", Icons.Material.Filled.Dataset, Policies.ViewDatasets),
        new("releases", "Releases", Icons.Material.Filled.NewReleases, Policies.ViewReleases),
        new("models", "Models", Icons.Material.Filled.ModelTraining, Policies.ViewModels),
        new("annotation", "Annotation", Icons.Material.Filled.EditNote, Policies.ViewAnnotationProjects),
        new("workers", "Workers", Icons.Material.Filled.Memory, Policies.ViewWorkers),
        new("admin/users", "Users", Icons.Material.Filled.People, Policies.ManageUsers),
        new("admin/health", "System health", Icons.Material.Filled.MonitorHeart, Policies.ViewSystemHealth),
        new("admin/audit", "Audit trail", Icons.Material.Filled.FactCheck, Policies.ViewAuditTrail),
    ];

    /// <summary>The entries a user holding <paramref name="roles"/> sees.</summary>
    public static IEnumerable<NavigationEntry> For(IEnumerable<string> roles) =>
        Entries.Where(e => Policies.Admits(e.Policy, roles));
}
