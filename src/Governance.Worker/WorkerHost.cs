using Governance.Core.Configuration;
using Governance.Training.Consumers;
using Governance.Training.Hosting;
using Governance.Training.Releases;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Governance.Worker;

/// <summary>The training worker: a generic host that consumes training jobs, dataset releases and revocations from RabbitMQ and sends heartbeats.</summary>
public static class WorkerHost
{
    /// <summary>The host builder: settings from appsettings.json, the environment and the command line.</summary>
    public static HostApplicationBuilder Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var settings = new SettingReader(key => builder.Configuration[key]);
        var broker = ReadBroker(settings);
        var releases = ReleaseDownloadSettings.Read(settings);
        var nameSuffix = WorkerIdentity.StableSuffix(releases.DataFolder);
        var identity = WorkerIdentity.Read(settings, nameSuffix);
        builder.Services.AddTrainingWorker(settings, nameSuffix);
        builder.Services.AddReleaseDownloads(releases);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<BrokerReachabilityCheck>(sp, broker));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumers(TrainingWorkerRegistration.Consumers);
            bus.AddConsumer<DatasetReleasedConsumer>();
            // Workers compete for releases, but every worker must hear every revocation: a queue per worker name.
            bus.AddConsumer<DatasetReleaseRevokedConsumer>().Endpoint(e => e.InstanceId = identity.Name);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker);
                rabbit.UseMessageRetry(retry => retry.Interval(3, TimeSpan.FromSeconds(1)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static Uri ReadBroker(SettingReader settings)
    {
        if (settings.Enum(SettingNames.MessagingTransport, MessagingTransport.RabbitMq) != MessagingTransport.RabbitMq)
            throw new ConfigurationError(SettingNames.MessagingTransport,
                "a separate worker needs RabbitMq; with InMemory the training consumer runs inside the portal.");
        return DeploymentSettings.ReadBrokerUri(settings);
    }
}
