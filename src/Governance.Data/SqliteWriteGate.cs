using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data;

/// <summary>
/// One writer at a time per SQLite file, queued in process. SQLite allows a single writer; when two transactions
/// collide, the loser is told "busy" and the driver retries after a pause, which under many concurrent annotators costs
/// far more than waiting in line. Paths that write under concurrency enter the gate before their transaction; on SQL
/// Server, which locks rows, the gate is open.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's turn; dispose the result to let the next writer in. Null when no gate is needed.</summary>
    public static async Task<IAsyncDisposable?> EnterAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
