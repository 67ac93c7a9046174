using Governance.Cli.Commands;
using Governance.Core.Configuration;
using Governance.Core.Validation;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli;

/// <summary>The `governance` command: automation and offline work on the same database and rules as the portal.</summary>
public static class CliApp
{
    public const string Usage = """
        governance: automation for the Governance portal

          governance migrate                     apply pending database migrations (the explicit production step)
          governance migrations script           print the idempotent SQL script of all migrations
          governance users create-admin --user NAME --email ADDRESS
                                                 create an Administrator; reads the password from standard input
          governance datasets import --file F --name N --source S --licence L --purpose P [--format Jsonl|Csv|Text]
                                                 import a file as a new dataset, all or nothing; bad lines go to
                                                 standard error as FILE:LINE: reason, and the exit code is 1
          governance datasets list               one JSON line per dataset with its newest version
          governance datasets export --name N [--version K] [--format Canonical|Trl|Csv|HuggingFace] --output F
                                                 write a version; the Canonical file's SHA-256 is its content hash;
                                                 HuggingFace writes a folder F (data/<split>.jsonl, README.md)
          governance datasets split --name N [--version K] [--train 0.8 --validation 0.1 --test 0.1] [--seed 42] [--no-stratify]
                                                 a new version with each record assigned to train, validation or test
          governance datasets preprocess --name N [--version K] [--steps nfc,whitespace,control,dedup] [--min-tokens A] [--max-tokens B]
                                     [--near-duplicates 0.8]
                                                 a new version with text normalised, exact duplicates, records outside
                                                 the GPT-2 token window and (when given a threshold) the later record of
                                                 each near-duplicate pair removed; prints what each step did
          governance datasets stats --name N [--version K]
                                                 compute and store a version's statistics; prints them as JSON
          governance datasets diff --name N --from A --to B [--show 20]
                                                 counts of added, removed and changed records; then up to --show of
                                                 them, one JSON line each, with the record before and after
          governance datasets edit-metadata --name N [--version K] --record R --metadata '{"k":"v"}'
                                                 a new version with record R's metadata replaced
          governance datasets redact --name N [--version K] --operator redact|replace|mask|hash|pseudonym [--threshold 0.5] [--key-env VAR]
                                                 a new version with personal data anonymized; prints counts by type
          governance datasets pii-audit --name N [--version K] [--threshold 0.5]
                                                 scan every string of a version and store the audit: counts by type and
                                                 field, records with findings, masked excerpts; prints it
          governance audit verify                check the audit trail's hash chain; names the first edited, inserted
                                                 or deleted entry and exits 1 when it is broken
          governance agreement --input FILE.csv --metric cohen|fleiss|krippendorff|percent [--level nominal|ordinal|interval|ratio]
                                                 an agreement coefficient over answers in a CSV with the header
                                                 item,annotator,label; prints one JSON object
          governance pii scan --input FILE.jsonl [--field text] [--threshold 0.5]
                                                 one JSON line per finding: line, field, type, start, end (UTF-16
                                                 offsets) and score; never the value
          governance pii redact --input FILE.jsonl --output OUT.jsonl --operator redact|replace|mask|hash|pseudonym
                                     [--key-env VAR] [--field text] [--threshold 0.5]
                                                 the same lines with findings rewritten; hash is HMAC-SHA256 with the
                                                 secret in the environment variable VAR; OUT appears only when complete
          governance pii evaluate --input tests/data/pii/evaluation.jsonl [--threshold 0.5]
                                                 precision, recall and F2 per type against a labelled set
          governance pii evaluation-set --output FILE [--records 1200] [--seed 2026]
                                                 write the generated labelled evaluation set (the committed one is seed 2026)
          governance bias audit --input FILE.jsonl [--config bias.json]
                                                 per axis and group: representation, co-occurrence with negative terms,
                                                 favourable-label base rates (when the configuration names a label) and
                                                 preference choice rates, each judged pass, warn or fail; prints JSON
          governance bias default-config         print the built-in bias configuration, to edit and pass as --config
          governance bench pii [--megabytes 200]
                                                 time the PII scan of a generated JSONL corpus on one thread and on
                                                 all cores, and ripgrep on the same file with the raw patterns
          governance bench datasets [--records 1000000]
                                                 time import and export of generated ~500-byte records on SQLite
          governance bench annotation-setup --data FOLDER [--records 1000000] [--annotators 50]
                                                 prepare a portal data folder: records, annotators bench-01..., and a
                                                 project "bench" (see infra/bench/annotation.sh)
          governance bench annotation --url URL --password-file FOLDER/bench-password [--annotators 50] [--requests 300] [--rounds 20] [--pause-ms 1000]
                                                 time next-task and submit through a running portal's API, one
                                                 annotator and then all at once; exit 1 on any error

        Settings come from the environment (Database__Provider, ConnectionStrings__Governance, Storage__DataDirectory)
        or from the flags --provider Sqlite|SqlServer, --connection "...", --data FOLDER.
        Exit codes: 0 done, 1 failed, 2 wrong command line or settings.
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            var arguments = CliArguments.Parse(args);
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(arguments.Settings()).Build();
            var settings = new SettingReader(key => configuration[key]);
            return string.Join(' ', arguments.Command) switch
            {
                "migrate" => await MigrateCommand.RunAsync(arguments, settings, output),
                "migrations script" => MigrationScriptCommand.Run(arguments, settings, output),
                "users create-admin" => await CreateAdminCommand.RunAsync(arguments, settings, input, output),
                "datasets import" => await DatasetCommands.ImportAsync(arguments, settings, output, error),
                "datasets list" => await DatasetCommands.ListAsync(arguments, settings, output),
                "datasets export" => await DatasetCommands.ExportAsync(arguments, settings, output),
                "datasets split" => await DatasetSplitCommand.RunAsync(arguments, settings, output),
                "datasets preprocess" => await DatasetPreprocessCommand.RunAsync(arguments, settings, output),
                "datasets stats" => await DatasetVersionCommands.StatsAsync(arguments, settings, output),
                "datasets diff" => await DatasetVersionCommands.DiffAsync(arguments, settings, output),
                "datasets edit-metadata" => await DatasetVersionCommands.EditMetadataAsync(arguments, settings, output),
                "datasets redact" => await DatasetVersionCommands.RedactAsync(arguments, settings, output),
                "datasets pii-audit" => await DatasetVersionCommands.PiiAuditAsync(arguments, settings, output),
                "agreement" => await AgreementCommand.RunAsync(arguments, output),
                "audit verify" => await AuditCommand.VerifyAsync(arguments, settings, output, error),
                "pii scan" => await PiiCommands.ScanAsync(arguments, output),
                "pii redact" => await PiiCommands.RedactAsync(arguments, output),
                "pii evaluate" => await PiiEvaluationCommands.EvaluateAsync(arguments, output),
                "pii evaluation-set" => await PiiEvaluationCommands.GenerateAsync(arguments, output),
                "bias audit" => await BiasCommands.AuditAsync(arguments, output, error),
                "bias default-config" => BiasCommands.DefaultConfig(arguments, output),
                "bench pii" => await PiiBenchmark.RunAsync(arguments, output),
                "bench datasets" => await DatasetBenchmark.RunAsync(arguments, output),
                "bench annotation-setup" => await AnnotationBenchSetup.RunAsync(arguments, settings, output),
                "bench annotation" => await AnnotationBenchmark.RunAsync(arguments, output),
                "" or "help" => Help(output),
                var unknown => throw new CliUsageError($"Unknown command '{unknown}'. Run `governance help` for the list."),
            };
        }
        catch (Exception e) when (e is CliUsageError or ConfigurationError)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (ValidationError e)
        {
            await error.WriteLineAsync($"{e.Field}: {e.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
