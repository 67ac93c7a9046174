using System.Text.Json;
using Governance.Contracts.Workers;
using Governance.Data;
using Governance.Data.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Messaging;

/// <summary>
/// Publishes stored outbox messages in order, after their transaction committed. A publish that fails or times
/// out (broker down) stays stored and is retried with backoff; nothing is lost and nothing is sent for a rolled-back
/// change. Delivery is at least once: consumers recognise repeats by message id or by state.
/// </summary>
internal sealed class OutboxDispatcher(
    IDbContextFactory<GovernanceDbContext> databases,
    IBus bus,
    OutboxSignal signal,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) < options.BatchSize)
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                log.LogWarning("Outbox sweep failed: {Reason}", e.Message);
                await Task.Delay(options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        await using var db = databases.CreateDbContext();
        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages
            .Where(m => m.DispatchedUtc == null && m.NextAttemptUtc != null && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id).Take(options.BatchSize).ToListAsync(stoppingToken);
        var sent = 0;
        foreach (var message in batch)
        {
            var delivered = await TryPublishAsync(message, stoppingToken);
            await db.SaveChangesAsync(stoppingToken);
            if (!delivered) break; // keep order: later messages wait for this one
            sent++;
        }
        return sent;
    }

    private async Task<bool> TryPublishAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        var type = typeof(WorkerHeartbeat).Assembly.GetType(message.MessageType);
        if (type is null)
        {
            message.LastError = $"Unknown message type {message.MessageType}; it will not be retried.";
            message.NextAttemptUtc = null;
            log.LogError("Outbox message {Id}: {Error}", message.Id, message.LastError);
            return true;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            var payload = JsonSerializer.Deserialize(message.Payload, type)!;
            await bus.Publish(payload, type, context => context.MessageId = message.MessageId, timeout.Token);
            message.DispatchedUtc = clock.GetUtcNow();
            message.Attempts++;
            return true;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = e is OperationCanceledException
                ? $"The broker did not accept the message within {options.PublishTimeout.TotalSeconds:0} s."
                : e.Message.Split('\n')[0];
            message.NextAttemptUtc = clock.GetUtcNow() + OutboxOptions.Backoff(message.Attempts);
            log.LogWarning("Outbox message {Id} ({Type}) not delivered, attempt {Attempt}: {Error}",
                message.Id, type.Name, message.Attempts, message.LastError);
            return false;
        }
    }
}
