using Governance.Tests.Shared;
using Governance.Tests.Shared.Portal;

namespace Governance.Worker.Tests;

/// <summary>The portal in its production shape: messages through RabbitMQ, no training consumer in process.</summary>
public sealed class BrokerPortalFactory(Uri broker) : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings() =>
    [
        .. base.Settings(),
        ("Messaging:Transport", "RabbitMq"),
        ("Messaging:RabbitMq:Uri", broker.ToString()),
        ("Workers:MissedBeatsBeforeLost", "3"),
        ("Outbox:PublishTimeoutSeconds", "2"),
    ];

    /// <summary>A training worker process on the same broker, with a name of its own.</summary>
    public static ProgramRun StartWorker(Uri broker, string name) => new("Governance.Worker",
    [
        $"--Messaging:RabbitMq:Uri={broker}", $"--Worker:Name={name}", "--Workers:HeartbeatSeconds=1",
    ]);
}
