using Governance.Core.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Providers;

/// <summary>How each provider is configured; shared by the portal, the CLI, the design-time factories and tests.</summary>
public static class DatabaseProviderOptions
{
    public static DbContextOptionsBuilder UseProvider(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
            sqlite => sqlite.MigrationsAssembly(typeof(SqliteGovernanceDbContext).Assembly.FullName)),
        DatabaseProvider.SqlServer => options.UseSqlServer(connectionString,
            sql => sql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(5), errorNumbersToAdd: null)),
        _ => throw new ConfigurationError(SettingNames.DatabaseProvider, $"'{provider}' is not supported."),
    };

    /// <summary>A context for <paramref name="provider"/> outside dependency injection (CLI, tests).</summary>
    public static GovernanceDbContext CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteGovernanceDbContext(Options<SqliteGovernanceDbContext>(provider, connectionString)),
        _ => new SqlServerGovernanceDbContext(Options<SqlServerGovernanceDbContext>(provider, connectionString)),
    };

    internal static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : DbContext =>
        ((DbContextOptionsBuilder<TContext>)new DbContextOptionsBuilder<TContext>().UseProvider(provider, connectionString)).Options;
}
