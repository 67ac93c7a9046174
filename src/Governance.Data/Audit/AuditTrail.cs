using Governance.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Audit;

/// <summary>A stored audit entry; the row is append-only (nothing in the product updates or deletes it).</summary>
public sealed class AuditRow
{
    public long Sequence { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset TimeUtc { get; init; }
    public string? ClientAddress { get; init; }
    public required string Entity { get; init; }
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    public AuditEntry ToEntry() => new(Sequence, Actor, TimeUtc, ClientAddress, Entity, Action, Before, After, PreviousHash, Hash);
}

/// <summary>
/// The append-only, hash-chained audit trail (<see cref="AuditChain"/>). Appends are serialized within the process;
/// the sequence number is the primary key, so a concurrent writer in another process fails instead of forking the
/// chain, and the append is retried on the new tail.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<GovernanceDbContext> databases, TimeProvider clock)
{
    private static readonly SemaphoreSlim Writer = new(1, 1);

    /// <summary>Appends an entry: who, from where, what on which entity, and the state before and after (no raw personal data).</summary>
    public async Task<AuditEntry> AppendAsync(string actor, string? clientAddress, string entity, string action, string? before = null, string? after = null,
        CancellationToken cancellationToken = default)
    {
        await Writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken);
                var tail = await db.AuditRows.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
                var entry = AuditChain.Append(tail?.ToEntry(), actor, clock.GetUtcNow(), clientAddress, entity, action, before, after);
                db.AuditRows.Add(new AuditRow
                {
                    Sequence = entry.Sequence, Actor = entry.Actor, TimeUtc = entry.TimeUtc, ClientAddress = entry.ClientAddress, Entity = entry.Entity,
                    Action = entry.Action, Before = entry.Before, After = entry.After, PreviousHash = entry.PreviousHash, Hash = entry.Hash,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return entry;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    // Another process took this sequence number: append after it.
                }
            }
        }
        finally
        {
            Writer.Release();
        }
    }

    /// <summary>Verifies the whole chain in order; null when it is whole, else the first break.</summary>
    public async Task<AuditBreak?> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditRows.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable();
        var buffered = new List<AuditEntry>();
        await foreach (var row in entries.WithCancellation(cancellationToken)) buffered.Add(row.ToEntry());
        return AuditChain.Verify(buffered);
    }

    /// <summary>How many entries the trail holds.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.AuditRows.LongCountAsync(cancellationToken);
    }
}
