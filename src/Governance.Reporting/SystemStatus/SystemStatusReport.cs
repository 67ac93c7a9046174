using Governance.Reporting.Pdf;

namespace Governance.Reporting.SystemStatus;

/// <summary>What the system status report shows; the portal gathers it, this project only lays it out.</summary>
public sealed record SystemStatusFacts(
    DateTimeOffset GeneratedUtc,
    string GeneratedBy,
    string Deployment,
    string OverallHealth,
    IReadOnlyList<(string Component, string Status, string Detail)> Health,
    IReadOnlyList<(string Name, string State, string Device, string Version, DateTimeOffset LastHeartbeatUtc)> Workers,
    IReadOnlyList<(string Role, int ActiveUsers, int DeactivatedUsers)> UsersByRole);

/// <summary>A PDF an Administrator hands to an auditor: health of each component, workers, and who holds which role.</summary>
public static class SystemStatusReport
{
    public static byte[] Render(SystemStatusFacts facts)
    {
        var stamp = facts.GeneratedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'");
        return new PdfReportWriter("System status report", $"Governance system status, {stamp}")
            .Paragraph($"Generated {stamp} by {facts.GeneratedBy}. Deployment: {facts.Deployment}.")
            .Heading($"Health: {facts.OverallHealth}")
            .Table(["Component", "Status", "Detail"], facts.Health.Select(h => (IReadOnlyList<string>)[h.Component, h.Status, h.Detail]), [0.2, 0.15, 0.65])
            .Heading("Training workers")
            .Table(["Worker", "State", "Device", "Version", "Last heartbeat"],
                facts.Workers.Select(w => (IReadOnlyList<string>)[w.Name, w.State, w.Device, w.Version, w.LastHeartbeatUtc.ToString("u")]),
                [0.22, 0.1, 0.36, 0.1, 0.22])
            .Heading("Users by role")
            .Table(["Role", "Active", "Deactivated"],
                facts.UsersByRole.Select(r => (IReadOnlyList<string>)[r.Role, r.ActiveUsers.ToString(), r.DeactivatedUsers.ToString()]))
            .ToBytes();
    }
}
