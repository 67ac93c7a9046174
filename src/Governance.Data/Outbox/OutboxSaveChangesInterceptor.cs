using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Data.Outbox;

/// <summary>Signals the dispatcher after a save that added outbox messages has committed.</summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private bool _added;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _added = eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added) == true;
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_added) signal.Notify();
        return ValueTask.FromResult(result);
    }
}
