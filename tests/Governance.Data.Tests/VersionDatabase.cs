using System.Text;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Import;
using Governance.Data.Datasets;
using Governance.Data.Providers;

namespace Governance.Data.Tests;

/// <summary>A migrated SQLite file in a fresh folder, with a way to import a JSONL text as a dataset.</summary>
public sealed class VersionDatabase : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    public ProviderContextFactory Databases { get; private set; } = default!;

    public DatasetCatalog Catalog { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "audits.db")}";
        await new DatabaseMigrator(new DeploymentSettings(DatabaseProvider.Sqlite, connection, MessagingTransport.InMemory, null, _folder.Path)).MigrateAsync();
        Databases = new ProviderContextFactory(DatabaseProvider.Sqlite, connection);
        Catalog = new DatasetCatalog(Databases);
    }

    /// <summary>Imports <paramref name="jsonl"/> as version 1 of <paramref name="name"/> and returns that version.</summary>
    public async Task<Core.Datasets.DatasetVersion> ImportAsync(string name, string jsonl)
    {
        var outcome = await new DatasetImporter(Databases, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)),
            new ImportRequest(name, "tests", "CC-BY-4.0", "tests", $"{name}.jsonl", ImportFormat.Jsonl, "tester"), ImportLimits.Default);
        Assert.True(outcome.Report.Accepted, outcome.Report.Summary);
        return outcome.Version!;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
