using System.Data.Common;
using Governance.Core.Configuration;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data;

/// <summary>
/// Brings the schema up to date. The embedded SQLite file is migrated at start-up; a SQL Server database is
/// migrated only by the explicit `governance migrate` step, and the portal refuses to start against an
/// out-of-date one.
/// </summary>
public sealed class DatabaseMigrator(DeploymentSettings settings)
{
    public const string MigrateCommand = "dotnet run --project src/Governance.Cli -- migrate";

    /// <summary>Applies every pending migration and returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(SqliteFolder());
        await using var db = DatabaseProviderOptions.CreateContext(settings.Provider, settings.ConnectionString);
        var pending = await Reach(() => db.Database.GetPendingMigrationsAsync(cancellationToken));
        await Reach(async () => { await db.Database.MigrateAsync(cancellationToken); return true; });
        if (settings.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return [.. pending];
    }

    /// <summary>Fails with a one-line error naming the command to run when migrations are pending.</summary>
    public async Task EnsureUpToDateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = DatabaseProviderOptions.CreateContext(settings.Provider, settings.ConnectionString);
        var pending = (await Reach(() => db.Database.GetPendingMigrationsAsync(cancellationToken))).ToList();
        if (pending.Count > 0)
            throw new ConfigurationError(SettingNames.DatabaseConnection,
                $"the database lacks {pending.Count} migration(s) (up to {pending[^1]}); apply them first with `{MigrateCommand}`.");
    }

    /// <summary>The T-SQL or SQLite script that creates the whole schema from nothing, idempotently.</summary>
    public static string Script(DatabaseProvider provider)
    {
        using var db = DatabaseProviderOptions.CreateContext(provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=script-only;Database=Governance");
        return db.Database.GenerateCreateScriptFromMigrations();
    }

    private string SqliteFolder()
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        var file = builder.TryGetValue("Data Source", out var source) ? source?.ToString() : null;
        var folder = string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
        return folder ?? settings.DataDirectory;
    }

    private static async Task<T> Reach<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException)
        {
            var cause = e as DbException ?? e.InnerException as DbException ?? e;
            var reason = cause.Message.Split('\n')[0].Trim();
            throw new ConfigurationError(SettingNames.DatabaseConnection, $"cannot use the database: {reason}");
        }
    }
}
