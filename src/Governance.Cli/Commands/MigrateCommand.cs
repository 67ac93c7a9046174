using Governance.Core.Configuration;
using Governance.Data;

namespace Governance.Cli.Commands;

internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly();
        var deployment = DeploymentSettings.Read(settings);
        var applied = await new DatabaseMigrator(deployment).MigrateAsync();
        output.WriteLine(applied.Count == 0
            ? $"The {deployment.Provider} database is up to date."
            : $"Applied {applied.Count} migration(s) to the {deployment.Provider} database: {string.Join(", ", applied)}.");
        return 0;
    }
}
