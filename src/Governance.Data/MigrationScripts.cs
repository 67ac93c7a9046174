using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Data;

internal static class MigrationScripts
{
    /// <summary>The idempotent script of every migration, generated without a connection to the server.</summary>
    public static string GenerateCreateScriptFromMigrations(this DatabaseFacade database) =>
        database.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
}
