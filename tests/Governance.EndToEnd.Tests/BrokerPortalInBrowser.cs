using Governance.Tests.Shared;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// The portal in its production messaging shape, on the test run's private RabbitMQ broker: no training consumer in
/// process, so released versions go to whatever worker listens on that broker.
/// </summary>
public sealed class BrokerPortalInBrowser : PortalInBrowser
{
    public Uri Broker { get; } = RabbitMqNode.Shared();

    protected override IEnumerable<string> Arguments() =>
        [.. base.Arguments(), "--Messaging:Transport=RabbitMq", $"--Messaging:RabbitMq:Uri={Broker}", "--Outbox:PublishTimeoutSeconds=2"];
}
