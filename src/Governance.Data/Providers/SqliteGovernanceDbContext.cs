using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Data.Providers;

/// <summary>The SQLite flavour of the model, with its own migrations under Migrations/Sqlite.</summary>
public sealed class SqliteGovernanceDbContext(DbContextOptions<SqliteGovernanceDbContext> options)
    : GovernanceDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset text; a UTC tick count sorts and compares correctly.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
