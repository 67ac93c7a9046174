using Governance.Core.Configuration;
using Governance.Training.Hosting;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Portal.Messaging;

public static class MessagingServiceCollectionExtensions
{
    public const string BrokerHealthCheck = "broker";

    /// <summary>
    /// MassTransit on the configured transport, the portal's consumers and the outbox dispatcher. With the in-memory
    /// transport the training consumers and heartbeat run inside the portal too.
    /// </summary>
    public static IServiceCollection AddGovernanceMessaging(
        this IServiceCollection services, DeploymentSettings deployment, SettingReader settings)
    {
        var outbox = OutboxOptions.Read(settings);
        services.AddSingleton(outbox);
        services.AddHostedService<OutboxDispatcher>();
        if (deployment.Transport == MessagingTransport.InMemory)
            services.AddTrainingWorker(settings, "embedded");
        else
        {
            services.AddSingleton(Core.Workers.WorkerLiveness.Read(settings));
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<BrokerReachabilityCheck>(sp, deployment.RabbitMqUri!));
        }

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<WorkerHeartbeatConsumer>();
            bus.AddConsumer<DeviceCheckAnswerConsumer>();
            bus.AddConsumer<DatasetReleaseReceivedConsumer>();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = BrokerHealthCheck;
                health.MinimalFailureStatus = HealthStatus.Degraded;
            });
            if (deployment.Transport == MessagingTransport.InMemory)
            {
                bus.AddConsumers(TrainingWorkerRegistration.Consumers);
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(deployment.RabbitMqUri!);
                    rabbit.UseMessageRetry(retry => retry.Interval(3, TimeSpan.FromSeconds(1)));
                    rabbit.ConfigureEndpoints(context);
                });
            }
        });
        // The portal serves pages while the broker is down; the outbox delivers once it is back.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
