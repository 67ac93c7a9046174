using Governance.Core.Workers;
using Governance.Portal.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Portal.Health;

/// <summary>Degraded when no training worker is live: the portal works, but training jobs wait.</summary>
internal sealed class WorkersHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workers = await scope.ServiceProvider.GetRequiredService<WorkerDirectory>().ListAsync(cancellationToken);
        var live = workers.Count(w => w.State == WorkerState.Live);
        var data = new Dictionary<string, object> { ["live"] = live, ["lost"] = workers.Count - live };
        return live > 0
            ? HealthCheckResult.Healthy($"{live} live worker(s)", data)
            : HealthCheckResult.Degraded("No live training worker: training jobs wait in the queue until one reports.", data: data);
    }
}
