using Governance.Tests.Shared;

namespace Governance.Portal.Tests;

/// <summary>The real programs started with bad settings: one line naming the setting, exit code 2, no stack trace.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly string _data = RepositoryPaths.NewTemporaryFolder("config-errors");

    private async Task<string> FailingStartAsync(string project, params string[] settings)
    {
        using var run = new ProgramRun(project, [$"--Storage:DataDirectory={_data}", "--urls=http://127.0.0.1:0", .. settings]);
        Assert.Equal(2, await run.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.DoesNotContain(" at ", lines[0]);
        return lines[0];
    }

    [Fact]
    public async Task An_unknown_database_provider_is_named_with_the_accepted_values() =>
        Assert.Equal("Governance.Portal cannot start. Setting 'Database:Provider': 'Postgres' is not one of Sqlite, SqlServer.",
            await FailingStartAsync("Governance.Portal", "--Database:Provider=Postgres"));

    [Fact]
    public async Task SQL_Server_without_a_connection_string_names_the_connection_string() =>
        Assert.Contains("Setting 'ConnectionStrings:Governance': is not set",
            await FailingStartAsync("Governance.Portal", "--Database:Provider=SqlServer"));

    [Fact]
    public async Task An_unreachable_database_names_the_connection_string() =>
        Assert.Contains("Setting 'ConnectionStrings:Governance': cannot use the database",
            await FailingStartAsync("Governance.Portal", "--Database:Provider=SqlServer",
                "--ConnectionStrings:Governance=Server=127.0.0.1,1;Database=G;User Id=sa;Password=unused;TrustServerCertificate=true;Connect Timeout=2"));

    [Fact]
    public async Task The_RabbitMq_transport_without_an_address_names_the_address_setting() =>
        Assert.Contains("Setting 'Messaging:RabbitMq:Uri': is not set",
            await FailingStartAsync("Governance.Portal", "--Messaging:Transport=RabbitMq"));

    [Fact]
    public async Task A_worker_told_to_use_the_in_memory_transport_explains_why_it_cannot() =>
        Assert.Contains("Setting 'Messaging:Transport': a separate worker needs RabbitMq",
            await FailingStartAsync("Governance.Worker", "--Messaging:Transport=InMemory"));

    [Fact]
    public async Task A_worker_with_a_portal_address_that_is_not_http_names_the_portal_setting() =>
        Assert.Contains("Setting 'Portal:Url': 'portal:8080' is not an http:// or https:// address",
            await FailingStartAsync("Governance.Worker", "--Portal:Url=portal:8080"));

    [Fact]
    public async Task An_unreachable_broker_is_named_but_the_portal_keeps_serving()
    {
        using var run = new ProgramRun("Governance.Portal", [$"--Storage:DataDirectory={_data}", "--urls=http://127.0.0.1:0",
            "--Messaging:Transport=RabbitMq", "--Messaging:RabbitMq:Uri=amqp://127.0.0.1:1/"]);
        await run.WaitForOutputAsync("Governance portal ready at", TimeSpan.FromSeconds(60));
        var address = run.Output.Split('\n').First(l => l.StartsWith("Governance portal ready at")).Split(' ')[^1].Trim();
        await run.WaitForOutputAsync("Setting 'Messaging:RabbitMq:Uri': cannot reach the broker at 127.0.0.1:1", TimeSpan.FromSeconds(30));

        using var http = new HttpClient();
        var health = await http.GetStringAsync(address + "/health");
        Assert.Contains("\"broker\":{\"status\":\"Degraded\"", health);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* left for the temp cleaner */ }
    }
}
