using Governance.Core.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Providers;

/// <summary>Contexts for one provider and connection string, outside dependency injection (CLI, benchmarks, tests).</summary>
public sealed class ProviderContextFactory(DatabaseProvider provider, string connectionString) : IDbContextFactory<GovernanceDbContext>
{
    public GovernanceDbContext CreateDbContext() => DatabaseProviderOptions.CreateContext(provider, connectionString);
}
