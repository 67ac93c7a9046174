using System.Reflection;
using System.Security.Cryptography;
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

    /// <summary>
    /// "worker-" and an id kept in <paramref name="dataFolder"/>'s <c>worker-id</c> file, made on the first start: a
    /// worker restarted on the same data folder keeps its name, and with it its revocation queue, so a revocation sent
    /// while it was down still reaches it; workers on different data folders get different names.
    /// </summary>
    public static string StableSuffix(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "worker-id");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } kept) return $"worker-{kept}";
        Directory.CreateDirectory(dataFolder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        File.WriteAllText(file, id);
        return $"worker-{id}";
    }
}
