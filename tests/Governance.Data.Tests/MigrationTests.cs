using Governance.Core.Configuration;
using Governance.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Governance.Data.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private DeploymentSettings Sqlite(string file = "governance.db") =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.Path, "nested", file)}", MessagingTransport.InMemory, null, _folder.Path);

    [Fact]
    public async Task A_new_SQLite_file_is_created_in_a_missing_folder_and_migrated_once()
    {
        var migrator = new DatabaseMigrator(Sqlite());
        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "nested", "governance.db")));
        await migrator.EnsureUpToDateAsync();
    }

    [Fact]
    public async Task Upgrading_a_database_with_datasets_gives_old_records_keys_lengths_and_a_search_index()
    {
        var settings = Sqlite("upgrade.db");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "nested"));
        var factory = new ProviderContextFactory(settings.Provider, settings.ConnectionString);
        await using (var db = factory.CreateDbContext())
        {
            // The schema as the datasets release left it, with one version of two records.
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations.Single(m => m.EndsWith("_VersionSplits")));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Datasets (Id, Name, Source, Licence, CollectionPurpose, CreatedBy, CreatedUtc) VALUES ('D1', 'old', 's', 'l', 'p', 'u', 0);
                INSERT INTO DatasetVersions (Id, DatasetId, Number, ParentId, Operation, Parameters, Shape, RecordCount, ContentHash, CreatedBy, CreatedUtc)
                    VALUES ('V1', 'D1', 1, NULL, 'import', '{{}}', 'Text', 2, 'h', 'u', 0);
                INSERT INTO RecordContents (Hash, Json) VALUES
                    ('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', '{{"text":"refund requested"}}'),
                    ('0000000000000001293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', '{{"text":"parcel lost"}}');
                INSERT INTO VersionEntries (VersionId, Ordinal, Hash, Split) VALUES
                    ('V1', 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', NULL),
                    ('V1', 1, '0000000000000001293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', NULL);
                """);
        }

        await new DatabaseMigrator(settings).MigrateAsync();

        await using var upgraded = factory.CreateDbContext();
        var entries = await upgraded.Database.SqlQueryRaw<long>("SELECT RecordKey * 1000 + Length AS Value FROM VersionEntries ORDER BY Ordinal").ToListAsync();
        Assert.Equal([27L, 1022], entries);
        var found = await upgraded.Database.SqlQueryRaw<long>(
            "SELECT rowid AS Value FROM RecordSearch WHERE RecordSearch MATCH 'parcel'").ToListAsync();
        Assert.Equal([0L], found); // the first 15 hex digits of that hash are all zero
        Assert.Equal(long.Parse("a1b2c3d4e5f6071", System.Globalization.NumberStyles.HexNumber),
            (await upgraded.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM RecordSearch WHERE RecordSearch MATCH 'refund'").ToListAsync()).Single());
        Assert.Equal(1, await upgraded.SearchIndexedVersions.CountAsync());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task An_unmigrated_database_is_refused_at_start_naming_the_migrate_command()
    {
        var settings = Sqlite();
        Directory.CreateDirectory(Path.Combine(_folder.Path, "nested"));
        var error = await Assert.ThrowsAsync<ConfigurationError>(() => new DatabaseMigrator(settings).EnsureUpToDateAsync());
        Assert.Contains(DatabaseMigrator.MigrateCommand, error.Message);
    }

    [Fact]
    public async Task An_unusable_database_path_is_a_one_line_error_naming_the_connection_string()
    {
        var blocker = Path.Combine(_folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        var settings = new DeploymentSettings(DatabaseProvider.Sqlite, $"Data Source={blocker}/x/governance.db",
            MessagingTransport.InMemory, null, _folder.Path);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new DatabaseMigrator(settings).MigrateAsync());
        Assert.True(error is ConfigurationError or IOException, error.GetType().Name);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_provider_has_migrations_for_the_whole_current_model(DatabaseProvider provider)
    {
        using var db = DatabaseProviderOptions.CreateContext(provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=unused;Database=unused");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {provider} migration: run dotnet ef migrations add for {provider} (see docs/architecture.md).");
    }

    [Fact]
    public void The_SQL_Server_migration_script_parses_as_T_SQL()
    {
        var script = DatabaseMigrator.Script(DatabaseProvider.SqlServer);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
        Assert.IsType<TSqlScript>(fragment);
        Assert.NotEmpty(((TSqlScript)fragment).Batches);
    }

    [Fact]
    public void A_broken_T_SQL_script_would_be_caught_by_the_same_parser()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE [X] ([Id] int NOT NULL,, );");
        parser.Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    public void Dispose() => _folder.Dispose();
}
