using Governance.Contracts.Devices;
using Governance.Core.Devices;
using Governance.Core.Validation;
using Governance.Data;
using Governance.Training.Consumers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Workers;

/// <summary>Queues device checks for the workers (through the outbox) and lists recent ones.</summary>
public sealed class DeviceChecks(IDbContextFactory<GovernanceDbContext> databases, TimeProvider clock)
{
    public const int DefaultMatrixSize = 1024;

    /// <summary>Stores the check and its message in one transaction; the dispatcher publishes it after commit.</summary>
    public async Task<DeviceCheck> RequestAsync(string requestedBy, int matrixSize, CancellationToken cancellationToken = default)
    {
        if (matrixSize is < 16 or > RunDeviceCheckConsumer.MaxMatrixSize)
            throw new ValidationError("matrixSize", $"Matrix size must be between 16 and {RunDeviceCheckConsumer.MaxMatrixSize}; got {matrixSize}.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var check = new DeviceCheck
        {
            Id = Guid.NewGuid(), MatrixSize = matrixSize, RequestedBy = requestedBy, RequestedUtc = clock.GetUtcNow(),
        };
        db.DeviceChecks.Add(check);
        db.Enqueue(new RunDeviceCheck(check.Id, matrixSize));
        await db.SaveChangesAsync(cancellationToken);
        return check;
    }

    public async Task<DeviceCheck?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DeviceChecks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<DeviceCheck>> RecentAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DeviceChecks.AsNoTracking().OrderByDescending(c => c.RequestedUtc).Take(count).ToListAsync(cancellationToken);
    }
}

/// <summary>A device check as the API returns it.</summary>
public sealed record DeviceCheckView(
    Guid Id, int MatrixSize, string RequestedBy, DateTimeOffset RequestedUtc, string Status, string? WorkerName, string? Device,
    double? GigaflopsPerSecond, DateTimeOffset? AnsweredUtc, string? Error)
{
    public static DeviceCheckView Of(DeviceCheck c) => new(c.Id, c.MatrixSize, c.RequestedBy, c.RequestedUtc, c.Status.ToString(),
        c.WorkerName, c.Device, c.GigaflopsPerSecond, c.AnsweredUtc, c.Error);
}
