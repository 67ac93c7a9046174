using System.Net.Sockets;
using Governance.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Training.Hosting;

/// <summary>
/// At start, tries the broker's port once and, when nothing answers, logs one line naming the setting to fix.
/// The host keeps running either way: the bus reconnects by itself, and the portal's outbox holds messages.
/// </summary>
public sealed class BrokerReachabilityCheck(Uri broker, ILogger<BrokerReachabilityCheck> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = broker.Port > 0 ? broker.Port : broker.Scheme == "amqps" ? 5671 : 5672;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("Setting '{Setting}': cannot reach the broker at {Host}:{Port} ({Reason}); retrying in the background.",
                SettingNames.RabbitMqUri, broker.Host, port, e is SocketException s ? s.SocketErrorCode : "no answer within 3 s");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
