using Governance.Core.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Governance.Portal.Demo;

/// <summary>Prints where the portal listens and, in the demo mode, how to sign in.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var deployment = app.Services.GetRequiredService<DeploymentSettings>();
            Console.WriteLine($"Governance portal ready at {string.Join(", ", addresses)}");
            Console.WriteLine($"  database: {deployment.Provider}; messages: {deployment.Transport}; data folder: {deployment.DataDirectory}");
            if (!app.Services.GetRequiredService<DemoOptions>().Enabled) return;
            Console.WriteLine($"  demo users (password {DemoAccounts.Password}):");
            foreach (var (userName, _, role) in DemoAccounts.All) Console.WriteLine($"    {userName,-11} {role}");
        });
    }
}
