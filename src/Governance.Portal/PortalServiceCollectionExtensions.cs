using Governance.Core.Configuration;
using Governance.Core.Datasets.Import;
using Governance.Data;
using Governance.Portal.Datasets;
using Governance.Portal.Demo;
using Governance.Portal.Health;
using Governance.Portal.Messaging;
using Governance.Portal.Reports;
using Governance.Portal.Security;
using Governance.Portal.Users;
using Governance.Portal.Workers;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

namespace Governance.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>Everything the portal needs, read from configuration once; bad settings fail here, naming the key.</summary>
    public static WebApplicationBuilder AddGovernancePortal(this WebApplicationBuilder builder)
    {
        var settings = new SettingReader(key => builder.Configuration[key]);
        var deployment = DeploymentSettings.Read(settings);
        var services = builder.Services;
        // Serves MudBlazor's and the portal's assets from the build output in any environment (a no-op when published).
        builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(deployment);
        services.AddSingleton(TimeProvider.System);
        services.AddGovernanceData(deployment);
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(deployment.DataDirectory, "keys")))
            .SetApplicationName("Governance.Portal");
        services.AddGovernanceSecurity(settings);
        services.AddGovernanceMessaging(deployment, settings);
        services.AddGovernanceHealthChecks();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DeviceChecks>();
        services.AddScoped<WorkerDirectory>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<SystemStatusReportSource>();
        services.AddSingleton(ImportLimits.Read(settings));
        services.AddScoped<DatasetUploads>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<PiiKey>();
        services.AddSingleton(Core.PiiReview.PiiBlockingTypes.Read(settings));
        services.AddHostedService<DatasetVersionJob>();
        services.AddSingleton(Core.Releases.ReleaseSettings.Read(settings));
        services.AddSingleton<Releases.ReleaseDownloadTokens>();
        services.AddSingleton<Data.Releases.IReleaseAnnouncer, Releases.ReleaseAnnouncer>();
        services.AddSingleton<Data.Releases.DatasetReleases>();
        services.AddScoped<Notifications.NotificationBadge>();
        services.AddSingleton<Data.Models.ModelRegistry>();
        services.AddSingleton<Data.Models.ModelReleases>();
        // Enums travel by name in API bodies, both ways: "kind": "SingleLabel", "state": "Submitted".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton(new DemoOptions(deployment.IsEmbedded && settings.Bool(SettingNames.DemoEnabled, true)));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        return builder;
    }
}
