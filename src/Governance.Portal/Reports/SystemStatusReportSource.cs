using Governance.Core.Configuration;
using Governance.Core.Security;
using Governance.Portal.Health;
using Governance.Portal.Users;
using Governance.Portal.Workers;
using Governance.Reporting.SystemStatus;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Portal.Reports;

/// <summary>Gathers the facts of the system status report from the live system.</summary>
public sealed class SystemStatusReportSource(
    HealthCheckService health, WorkerDirectory workers, UserAdministration users, DeploymentSettings deployment, TimeProvider clock)
{
    public const string Path = "/api/reports/system-status.pdf";

    public async Task<byte[]> RenderAsync(string generatedBy, CancellationToken cancellationToken)
    {
        var report = HealthReportJson.From(await health.CheckHealthAsync(cancellationToken));
        var allWorkers = await workers.ListAsync(cancellationToken);
        var allUsers = await users.ListAsync(cancellationToken);
        var facts = new SystemStatusFacts(
            clock.GetUtcNow(), generatedBy, $"{deployment.Provider} database, {deployment.Transport} messaging", report.Status,
            [.. report.Checks.Select(c => (c.Key, c.Value.Status, c.Value.Description ?? ""))],
            [.. allWorkers.Select(w => (w.Name, w.State.ToString(), $"{w.DeviceKind}: {w.DeviceName}", w.Version, w.LastHeartbeatUtc))],
            [.. Roles.All.Select(role => (role,
                allUsers.Count(u => u.IsActive && u.Roles.Contains(role)),
                allUsers.Count(u => !u.IsActive && u.Roles.Contains(role))))]);
        return SystemStatusReport.Render(facts);
    }
}
