using Governance.Core.Configuration;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Cli.Commands;

/// <summary>The first Administrator of a production database, whose password never passes through the command line.</summary>
internal static class CreateAdminCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, SettingReader settings, TextReader input, TextWriter output)
    {
        arguments.AllowOnly("--user", "--email");
        var userName = arguments.Required("--user", "alice");
        var email = arguments.Required("--email", "alice@example.com");
        var password = (await input.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password)) throw new CliUsageError("Give the password on standard input, e.g. `read -s P; echo \"$P\" | governance ...`.");

        var deployment = DeploymentSettings.Read(settings);
        await new DatabaseMigrator(deployment).EnsureUpToDateAsync();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddGovernanceData(deployment)
            .AddIdentityCore<ApplicationUser>(IdentityRules.Apply).AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovernanceDbContext>().Services
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await IdentityRules.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = userName, Email = email, EmailConfirmed = true, DisplayName = userName, CreatedUtc = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.Administrator));
        output.WriteLine($"Administrator {userName} created.");
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationError(result.Errors.First().Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "user",
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
