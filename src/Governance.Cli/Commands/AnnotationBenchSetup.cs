using System.Diagnostics;
using System.Security.Cryptography;
using Governance.Core.Annotation.Projects;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Import;
using Governance.Core.Security;
using Governance.Data.Annotation;
using Governance.Data.Datasets;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance bench annotation-setup --data FOLDER [--records 1000000] [--annotators 50]`: a database for the
/// annotation benchmark: generated records, their search index and statistics (so that the portal's background job
/// stays idle), annotator accounts bench-01... with one random password written to FOLDER/bench-password, and a project
/// "bench" with two annotators per record.
/// </summary>
internal static class AnnotationBenchSetup
{
    public const string ProjectName = "bench", PasswordFile = "bench-password";

    public static string Annotator(int number) => $"bench-{number:00}";

    public static async Task<int> RunAsync(CliArguments arguments, SettingReader settings, TextWriter output)
    {
        arguments.AllowOnly("--records", "--annotators");
        var records = PositiveFlag(arguments, "--records", 1_000_000);
        var annotators = PositiveFlag(arguments, "--annotators", 50);
        var deployment = DeploymentSettings.Read(settings);
        await new Data.DatabaseMigrator(deployment).MigrateAsync(); // a fresh benchmark folder, not a production database
        await using var services = await IdentityServices.BuildAsync(deployment);

        var file = Path.Combine(deployment.DataDirectory, "bench-records.jsonl");
        BenchTools.GenerateRecords(file, records);
        var clock = Stopwatch.StartNew();
        ImportOutcome outcome;
        await using (var stream = File.OpenRead(file))
            outcome = await services.GetRequiredService<DatasetImporter>().ImportAsync(stream,
                new ImportRequest("bench-tickets", "generated", "none", "benchmark", "bench-records.jsonl", ImportFormat.Jsonl, "bench"), ImportLimits.Default);
        File.Delete(file);
        if (!outcome.Report.Accepted) throw new InvalidOperationException(outcome.Report.Summary);
        await services.GetRequiredService<RecordSearchIndexer>().IndexAsync(outcome.Version!.Id);
        await services.GetRequiredService<DatasetStatistics>().ComputeAsync(outcome.Version!);
        output.WriteLine($"imported, indexed and described {records:N0} records in {clock.Elapsed.TotalSeconds:0.0} s");

        var password = $"Bench-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}!";
        await File.WriteAllTextAsync(Path.Combine(deployment.DataDirectory, PasswordFile), password);
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 1; i <= annotators; i++)
            {
                var user = new ApplicationUser { UserName = Annotator(i), Email = $"{Annotator(i)}@bench.invalid", EmailConfirmed = true, DisplayName = Annotator(i), CreatedUtc = DateTimeOffset.UtcNow };
                IdentityServices.Check(await users.CreateAsync(user, password));
                IdentityServices.Check(await users.AddToRoleAsync(user, Roles.Annotator));
            }
        }
        clock.Restart();
        await services.GetRequiredService<AnnotationProjects>().CreateAsync("bench-tickets", null, new ProjectDefinition(ProjectName, "Pick the topic.",
            [new Question("topic", QuestionKind.SingleLabel, "Topic?", ["billing", "shipping", "account", "other"])], Overlap: 2), "bench");
        output.WriteLine($"project '{ProjectName}' over {records:N0} records created in {clock.Elapsed.TotalSeconds:0.0} s; {annotators} annotators");
        return 0;
    }

    internal static int PositiveFlag(CliArguments arguments, string name, int fallback) =>
        int.TryParse(arguments.Flag(name) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), out var n) && n > 0
            ? n : throw new CliUsageError($"{name} takes a whole number greater than zero.");
}
