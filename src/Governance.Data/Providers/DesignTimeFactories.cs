using Governance.Core.Configuration;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Data.Providers;

// Used only by `dotnet ef migrations add`; these connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovernanceDbContext>
{
    public SqliteGovernanceDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviderOptions.Options<SqliteGovernanceDbContext>(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerGovernanceDbContext>
{
    public SqlServerGovernanceDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviderOptions.Options<SqlServerGovernanceDbContext>(DatabaseProvider.SqlServer, "Server=design-time;Database=Governance"));
}
