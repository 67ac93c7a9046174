using Governance.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Audit;

/// <summary>Filters and the page for reading the audit trail.</summary>
public sealed record AuditQuery(int Page = 0, int Size = 50, string? Actor = null, string? Entity = null, string? Action = null, string? Text = null)
{
    /// <summary>Refuses a page outside the range, naming the field.</summary>
    public void Validate()
    {
        if (Page < 0) throw new Core.Validation.ValidationError("page", "Pages count from 0.");
        if (Size is < 1 or > 500) throw new Core.Validation.ValidationError("size", "Ask for 1 to 500 entries per page.");
    }
}

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

    /// <summary>
    /// Entries matching the filters (each optional; text filters match anywhere, ignoring ASCII case), newest first, one
    /// page at a time, with how many match.
    /// </summary>
    public async Task<(long Total, IReadOnlyList<AuditRow> Rows)> PageAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, query);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.Sequence).Skip(query.Page * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        return (total, page);
    }

    /// <summary>Every entry matching the filters, oldest first, as a stream (for CSV export).</summary>
    public async IAsyncEnumerable<AuditRow> AllAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Filtered(db, query).OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken)) yield return row;
    }

    private static IQueryable<AuditRow> Filtered(GovernanceDbContext db, AuditQuery query)
    {
        var rows = db.AuditRows.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor)) rows = rows.Where(r => r.Actor.Contains(query.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Entity)) rows = rows.Where(r => r.Entity.Contains(query.Entity.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Action)) rows = rows.Where(r => r.Action.Contains(query.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Text))
            rows = rows.Where(r => (r.Before != null && r.Before.Contains(query.Text.Trim())) || (r.After != null && r.After.Contains(query.Text.Trim())));
        return rows;
    }

    /// <summary>How many entries the trail holds.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.AuditRows.LongCountAsync(cancellationToken);
    }
}
