using System.Text.Json;

namespace Governance.Data.Outbox;

/// <summary>
/// A message stored in the same transaction as the change it announces, and published by the dispatcher
/// after commit (docs/adr/0001-transactional-outbox.md).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }

    /// <summary>Sent as the message id, so consumers can recognise a redelivery.</summary>
    public Guid MessageId { get; init; }

    /// <summary>The full name of the message type in Governance.Contracts.</summary>
    public required string MessageType { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset? DispatchedUtc { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptUtc { get; set; }

    public string? LastError { get; set; }

    public static OutboxMessage For(object message, DateTimeOffset nowUtc) => new()
    {
        MessageId = Guid.NewGuid(),
        MessageType = message.GetType().FullName!,
        Payload = JsonSerializer.Serialize(message, message.GetType()),
        CreatedUtc = nowUtc,
        NextAttemptUtc = nowUtc,
    };
}
