using Governance.Core.Configuration;
using Governance.Data.Audit;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private ProviderContextFactory _databases = default!;
    private AuditTrail _trail = default!;

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "audit.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, connection, MessagingTransport.InMemory, null, _folder.Path)).MigrateAsync();
        _databases = new ProviderContextFactory(DatabaseProvider.Sqlite, connection);
        _trail = new AuditTrail(_databases, TimeProvider.System);
        for (var i = 1; i <= 5; i++) await _trail.AppendAsync($"user{i}", "127.0.0.1", "dataset-release:faq", i % 2 == 0 ? "approve" : "comment", null, $"{{\"n\":{i}}}");
    }

    [Fact]
    public async Task A_stored_trail_verifies_after_the_round_trip_through_the_database() => Assert.Null(await _trail.VerifyAsync());

    [Fact]
    public async Task Editing_a_row_in_the_database_is_named_by_verification()
    {
        await using (var db = _databases.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditTrail SET Actor = 'mallory' WHERE Sequence = 3");

        var broken = await _trail.VerifyAsync();

        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("changed after it was written", broken.Problem);
    }

    [Fact]
    public async Task Deleting_a_row_is_named_by_verification()
    {
        await using (var db = _databases.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditTrail WHERE Sequence = 2");

        Assert.Equal(2, (await _trail.VerifyAsync())!.Sequence);
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _trail.AppendAsync("load", null, "x", "comment", null, null)));

        Assert.Equal(25, await _trail.CountAsync());
        Assert.Null(await _trail.VerifyAsync());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
