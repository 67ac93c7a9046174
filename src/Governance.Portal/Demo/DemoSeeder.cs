using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Governance.Portal.Demo;

/// <summary>Creates the roles (always) and, in the embedded demo mode, one demo user per role. Safe to run at every start.</summary>
public sealed class DemoSeeder(
    RoleManager<IdentityRole> roles, UserManager<ApplicationUser> users, DemoOptions demo, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public async Task SeedAsync()
    {
        await IdentityRules.EnsureRolesAsync(roles);
        if (!demo.Enabled) return;

        foreach (var (userName, displayName, role) in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var user = new ApplicationUser
            {
                UserName = userName, Email = $"{userName}@demo.invalid", EmailConfirmed = true,
                DisplayName = displayName, CreatedUtc = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (created.Succeeded) await users.AddToRoleAsync(user, role);
            else log.LogError("Demo user {User} not created: {Errors}", userName, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
    }
}
