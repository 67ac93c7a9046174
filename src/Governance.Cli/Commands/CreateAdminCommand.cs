using Governance.Core.Configuration;
using Governance.Core.Security;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

        await using var services = await IdentityServices.BuildAsync(DeploymentSettings.Read(settings));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = userName, Email = email, EmailConfirmed = true, DisplayName = userName, CreatedUtc = DateTimeOffset.UtcNow,
        };
        IdentityServices.Check(await users.CreateAsync(user, password));
        IdentityServices.Check(await users.AddToRoleAsync(user, Roles.Administrator));
        output.WriteLine($"Administrator {userName} created.");
        return 0;
    }
}
