using Governance.Core.Configuration;
using Governance.Data.Datasets;
using Governance.Data.Outbox;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{GovernanceDbContext}"/> (one short-lived context per operation), a
    /// scoped <see cref="GovernanceDbContext"/> for ASP.NET Core Identity, and the <see cref="DatabaseMigrator"/>.
    /// </summary>
    public static IServiceCollection AddGovernanceData(this IServiceCollection services, DeploymentSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddProviderFactory<SqliteGovernanceDbContext>(settings);
                break;
            default:
                services.AddProviderFactory<SqlServerGovernanceDbContext>(settings);
                break;
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContext());
        services.AddSingleton(new DatabaseMigrator(settings));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DatasetImporter>();
        services.AddSingleton<DatasetCatalog>();
        services.AddSingleton<DatasetSplitter>();
        services.AddSingleton<DatasetPreprocessor>();
        services.AddSingleton<DatasetDiffer>();
        services.AddSingleton<RecordEditor>();
        services.AddSingleton<DatasetRedactor>();
        services.AddSingleton<DatasetPiiAudits>();
        services.AddSingleton<DatasetBiasAudits>();
        services.AddSingleton<Settings.BiasAuditSettings>();
        services.AddSingleton<PiiReview.PiiReviews>();
        services.AddSingleton<PiiReview.PiiAnnotationRounds>();
        services.AddSingleton<PiiReview.PiiFindingQueries>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<DatasetStatistics>();
        services.AddSingleton<RecordSearchIndexer>();
        services.AddSingleton<Annotation.AnnotationProjects>();
        services.AddSingleton<Annotation.AnnotationWork>();
        services.AddSingleton<Annotation.AnnotationReviews>();
        services.AddSingleton<Annotation.AnnotationManagement>();
        services.AddSingleton<Annotation.AnnotationOutput>();
        services.AddSingleton<Annotation.AnnotationQuality>();
        services.AddSingleton<Releases.ReleaseQueries>();
        services.AddSingleton<Releases.ReleaseGates>();
        services.AddSingleton<Releases.ReleaseTrail>();
        services.AddSingleton<Notifications.UserNotifications>();
        services.AddSingleton<Models.ModelQueries>();
        return services;
    }

    private static void AddProviderFactory<TContext>(this IServiceCollection services, DeploymentSettings settings)
        where TContext : GovernanceDbContext
    {
        services.AddDbContextFactory<TContext>((sp, o) => o.UseProvider(settings.Provider, settings.ConnectionString)
            .AddInterceptors(new OutboxSaveChangesInterceptor(sp.GetRequiredService<OutboxSignal>())));
        services.AddSingleton<IDbContextFactory<GovernanceDbContext>>(
            sp => new BaseContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<GovernanceDbContext>
        where TContext : GovernanceDbContext
    {
        public GovernanceDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
