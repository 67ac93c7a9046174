using System.Diagnostics;

namespace Governance.Tests.Shared;

/// <summary>
/// A private RabbitMQ node on loopback, run by infra/test/rabbitmq-node.sh: the test command starts one for the
/// whole run (GOVERNANCE_TEST_RABBITMQ_URI); tests that stop and restart a broker start their own.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    public const string SharedNodeVariable = "GOVERNANCE_TEST_RABBITMQ_URI";

    private readonly string _folder = RepositoryPaths.NewTemporaryFolder("rabbitmq");

    public int Port { get; }

    public Uri Uri => new($"amqp://127.0.0.1:{Port}/");

    private RabbitMqNode(int port) => Port = port;

    /// <summary>Starts a node of its own on a free port in 30000..44999.</summary>
    public static async Task<RabbitMqNode> StartAsync()
    {
        var node = new RabbitMqNode(30000 + Random.Shared.Next(15000));
        await node.RunScriptAsync("start");
        return node;
    }

    /// <summary>The broker the test command started for this run.</summary>
    public static Uri Shared() => Environment.GetEnvironmentVariable(SharedNodeVariable) is { Length: > 0 } uri
        ? new Uri(uri)
        : throw new InvalidOperationException(
            $"{SharedNodeVariable} is not set: run the tests with infra/test/run-tests.sh, which starts a private broker.");

    public Task StopAsync() => RunScriptAsync("stop");

    public Task RestartAsync() => RunScriptAsync("start");

    private async Task RunScriptAsync(string action)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepositoryPaths.Root, "infra", "test", "rabbitmq-node.sh"), action, _folder, Port.ToString() })
            start.ArgumentList.Add(arg);
        using var script = Process.Start(start)!;
        var error = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0) throw new InvalidOperationException($"rabbitmq-node.sh {action} failed: {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* left for the temp cleaner */ }
        catch (UnauthorizedAccessException) { /* the node's cookie file is read-only; left for the temp cleaner */ }
    }
}
