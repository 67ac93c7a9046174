using Governance.Core.Configuration;
using Governance.Data;
using Governance.Portal.Api;
using Governance.Portal.Components;
using Governance.Portal.Demo;
using Governance.Portal.Health;
using Governance.Portal.Security;

namespace Governance.Portal;

public static class PortalApplicationExtensions
{
    /// <summary>
    /// Embedded SQLite: create and migrate the file, then seed roles and demo users. SQL Server: only check that
    /// the explicit migration step has run.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var deployment = app.Services.GetRequiredService<DeploymentSettings>();
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        if (deployment.IsEmbedded) await migrator.MigrateAsync();
        else await migrator.EnsureUpToDateAsync();

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        StartupBanner.PrintWhenStarted(app);
    }

    public static WebApplication MapGovernancePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(errors => errors.Run(PlainErrorResponse.WriteAsync));
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireSignedInForCircuitHub();
        app.MapGovernanceHealth();
        app.MapAccountEndpoints();
        app.MapGovernanceApi();
        return app;
    }
}
