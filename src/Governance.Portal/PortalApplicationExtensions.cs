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
        // Browsers asking for a page that is not there get the not-found page; API callers keep their plain status codes.
        app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing and authorization after the status-code pages, so that the re-executed /not-found is authorized too.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
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

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) &&
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health");
}
