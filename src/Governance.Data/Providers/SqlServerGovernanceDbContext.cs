using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Providers;

/// <summary>The SQL Server flavour of the model, with its own migrations under Migrations/SqlServer.</summary>
public sealed class SqlServerGovernanceDbContext(DbContextOptions<SqlServerGovernanceDbContext> options)
    : GovernanceDbContext(options);
