using Governance.Core.Configuration;
using Governance.Core.Workers;
using Governance.Training.Consumers;
using Governance.Training.Devices;
using Governance.Training.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Training.Hosting;

public static class TrainingWorkerRegistration
{
    /// <summary>The consumers a training worker runs; the worker host and the embedded portal both register these.</summary>
    public static Type[] Consumers { get; } = [typeof(RunDeviceCheckConsumer)];

    /// <summary>
    /// Registers what a training worker needs besides its bus: identity, device (probed once, on first use) and
    /// the heartbeat.
    /// </summary>
    public static IServiceCollection AddTrainingWorker(
        this IServiceCollection services, SettingReader settings, string defaultNameSuffix)
    {
        services.AddSingleton(WorkerIdentity.Read(settings, defaultNameSuffix));
        // Loading libtorch takes a while: probe on first use, never on the host's start path.
        services.AddSingleton(_ => new Lazy<TrainingDevice>(DeviceProbe.Detect));
        services.AddSingleton(sp => sp.GetRequiredService<Lazy<TrainingDevice>>().Value);
        services.AddSingleton(WorkerLiveness.Read(settings));
        services.AddHostedService<HeartbeatService>();
        return services;
    }

    /// <summary>
    /// Registers what <see cref="DatasetReleasedConsumer"/> and <see cref="DatasetReleaseRevokedConsumer"/> need: the
    /// <see cref="ReleaseDownloader"/> (a separate worker downloads released versions from the portal at <c>Portal:Url</c>;
    /// the embedded portal does not) and the worker's <see cref="RevokedReleases"/>.
    /// </summary>
    public static IServiceCollection AddReleaseDownloads(this IServiceCollection services, ReleaseDownloadSettings releases)
    {
        services.AddSingleton(new ReleaseDownloader(new HttpClient { BaseAddress = releases.Portal }, releases.ReleasesFolder));
        services.AddSingleton(new RevokedReleases(releases.RevocationsFile));
        return services;
    }
}
