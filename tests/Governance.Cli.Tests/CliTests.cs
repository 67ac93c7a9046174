using Governance.Core.Configuration;
using Governance.Data;
using Governance.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _data = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "governance-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_creates_the_database_then_reports_it_up_to_date()
    {
        var first = await RunAsync("", "migrate", "--data", _data);
        var second = await RunAsync("", "migrate", "--data", _data);

        Assert.Equal(0, first.Exit);
        Assert.Matches(@"^Applied \d+ migration\(s\) to the Sqlite database", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("up to date", second.Output);
        Assert.True(File.Exists(Path.Combine(_data, "governance.db")));
    }

    [Fact]
    public async Task Audit_verify_reports_a_whole_trail_and_names_an_edited_entry()
    {
        await RunAsync("", "migrate", "--data", _data);
        var factory = new ProviderContextFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data, "governance.db")}");
        var trail = new Governance.Data.Audit.AuditTrail(factory, TimeProvider.System);
        for (var i = 0; i < 4; i++) await trail.AppendAsync("co1", "127.0.0.1", "dataset-release:faq", "approve");

        var whole = await RunAsync("", "audit", "verify", "--data", _data);
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditTrail SET Action = 'reject' WHERE Sequence = 2");
        var tampered = await RunAsync("", "audit", "verify", "--data", _data);

        Assert.Equal((0, "The audit trail is whole: 4 entries, each chained to the one before."), (whole.Exit, whole.Output.Trim()));
        Assert.Equal((1, "The audit trail is broken at entry 2: entry 2 was changed after it was written (its hash does not match)."),
            (tampered.Exit, tampered.Error.Trim()));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_the_admin_can_be_found()
    {
        await RunAsync("", "migrate", "--data", _data);
        var result = await RunAsync("Str0ng-Passw0rd!x\n", "users", "create-admin", "--user", "boss", "--email", "boss@example.org", "--data", _data);

        Assert.Equal(0, result.Exit);
        await using var db = DatabaseProviderOptions.CreateContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data, "governance.db")}");
        var boss = await db.Users.SingleAsync(u => u.UserName == "boss");
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == boss.Id select role.Name).ToListAsync();
        Assert.Equal(["Administrator"], roles);
        Assert.NotNull(boss.PasswordHash);
        Assert.DoesNotContain("Str0ng", boss.PasswordHash);
    }

    [Fact]
    public async Task A_weak_password_is_refused_naming_the_password()
    {
        await RunAsync("", "migrate", "--data", _data);
        var result = await RunAsync("short\n", "users", "create-admin", "--user", "boss", "--email", "boss@example.org", "--data", _data);
        Assert.Equal(1, result.Exit);
        Assert.StartsWith("password:", result.Error);
    }

    [Fact]
    public async Task Create_admin_on_an_unmigrated_database_says_to_migrate_first()
    {
        var result = await RunAsync("Str0ng-Passw0rd!x\n", "users", "create-admin", "--user", "boss", "--email", "b@example.org", "--data", _data);
        Assert.Equal(2, result.Exit);
        Assert.Contains(DatabaseMigrator.MigrateCommand, result.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("migrate --shiny")]
    [InlineData("migrate --provider Oracle")]
    public async Task A_wrong_command_line_exits_2_with_one_line_saying_what_to_fix(string line)
    {
        var result = await RunAsync("", [.. line.Split(' '), "--data", _data]);
        Assert.Equal(2, result.Exit);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task The_migration_script_of_SQL_Server_is_printed_without_a_server()
    {
        var result = await RunAsync("", "migrations", "script", "--provider", "SqlServer");
        Assert.Equal(0, result.Exit);
        Assert.Contains("CREATE TABLE [OutboxMessages]", result.Output);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await RunAsync("", "help");
        Assert.Equal(0, result.Exit);
        foreach (var command in new[] { "migrate", "migrations script", "users create-admin" }) Assert.Contains(command, result.Output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
