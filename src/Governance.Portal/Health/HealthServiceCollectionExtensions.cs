using Governance.Core.Security;
using Governance.Data;

namespace Governance.Portal.Health;

public static class HealthServiceCollectionExtensions
{
    public const string DatabaseCheck = "database";
    public const string WorkersCheck = "workers";

    /// <summary>Database and workers here; the broker's check comes with the bus (see Messaging).</summary>
    public static IServiceCollection AddGovernanceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<GovernanceDbContext>(DatabaseCheck)
            .AddCheck<WorkersHealthCheck>(WorkersCheck);
        return services;
    }

    /// <summary>GET /health: JSON for load balancers and people, open to anonymous callers; no secrets in it.</summary>
    public static WebApplication MapGovernanceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        return app;
    }
}
