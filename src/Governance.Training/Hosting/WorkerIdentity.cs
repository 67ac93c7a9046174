using System.Reflection;
using Governance.Core.Configuration;

namespace Governance.Training.Hosting;

/// <summary>Who a worker says it is in heartbeats and answers.</summary>
public sealed record WorkerIdentity(string Name, string Version)
{
    public static WorkerIdentity Read(SettingReader settings, string defaultSuffix)
    {
        var name = settings.Optional(SettingNames.WorkerName) ?? $"{Environment.MachineName}-{defaultSuffix}";
        var version = typeof(WorkerIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        return new WorkerIdentity(name, version);
    }
}
