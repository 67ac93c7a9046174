using Governance.Core.Configuration;
using Governance.Data;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Cli.Commands;

/// <summary>The portal's user store and rules, for commands that create users; the database is migrated and the roles exist.</summary>
internal static class IdentityServices
{
    public static async Task<ServiceProvider> BuildAsync(DeploymentSettings deployment)
    {
        await new DatabaseMigrator(deployment).EnsureUpToDateAsync();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddGovernanceData(deployment)
            .AddIdentityCore<ApplicationUser>(IdentityRules.Apply).AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovernanceDbContext>().Services
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await IdentityRules.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        return services;
    }

    /// <summary>Refuses a failed identity operation, naming the password or the user.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new Core.Validation.ValidationError(result.Errors.First().Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "user",
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
