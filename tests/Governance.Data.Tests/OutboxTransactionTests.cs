using Governance.Contracts.Devices;
using Governance.Core.Configuration;
using Governance.Core.Devices;
using Governance.Data.Outbox;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

public sealed class OutboxTransactionTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private string _connection = "";

    public async Task InitializeAsync()
    {
        _connection = $"Data Source={Path.Combine(_folder.Path, "outbox.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, _connection, MessagingTransport.InMemory, null, _folder.Path))
            .MigrateAsync();
    }

    private GovernanceDbContext Open() => DatabaseProviderOptions.CreateContext(DatabaseProvider.Sqlite, _connection);

    private static DeviceCheck NewCheck() => new() { Id = Guid.NewGuid(), MatrixSize = 64, RequestedBy = "tester" };

    [Fact]
    public async Task A_message_is_stored_together_with_the_change_it_announces()
    {
        var check = NewCheck();
        await using (var db = Open())
        {
            db.DeviceChecks.Add(check);
            db.Enqueue(new RunDeviceCheck(check.Id, 64));
            await db.SaveChangesAsync();
        }

        await using var read = Open();
        var stored = await read.OutboxMessages.SingleAsync();
        Assert.Equal(typeof(RunDeviceCheck).FullName, stored.MessageType);
        Assert.Contains(check.Id.ToString(), stored.Payload);
        Assert.Null(stored.DispatchedUtc);
        Assert.True(await read.DeviceChecks.AnyAsync(c => c.Id == check.Id));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_the_change_nor_its_message()
    {
        await using (var db = Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var check = NewCheck();
            db.DeviceChecks.Add(check);
            db.Enqueue(new RunDeviceCheck(check.Id, 64));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var read = Open();
        Assert.Equal(0, await read.OutboxMessages.CountAsync());
        Assert.Equal(0, await read.DeviceChecks.CountAsync());
    }

    [Fact]
    public async Task Messages_sort_in_the_order_they_were_stored()
    {
        await using (var db = Open())
        {
            for (var i = 0; i < 5; i++) db.Enqueue(new RunDeviceCheck(Guid.NewGuid(), 16 + i));
            await db.SaveChangesAsync();
        }

        await using var read = Open();
        var sizes = (await read.OutboxMessages.OrderBy(m => m.Id).ToListAsync())
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<RunDeviceCheck>(m.Payload)!.MatrixSize);
        Assert.Equal([16, 17, 18, 19, 20], sizes);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
