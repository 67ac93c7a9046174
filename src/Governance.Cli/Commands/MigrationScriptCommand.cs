using Governance.Core.Configuration;
using Governance.Data;

namespace Governance.Cli.Commands;

internal static class MigrationScriptCommand
{
    public static int Run(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly();
        output.Write(DatabaseMigrator.Script(settings.Enum(SettingNames.DatabaseProvider, DatabaseProvider.Sqlite)));
        return 0;
    }
}
