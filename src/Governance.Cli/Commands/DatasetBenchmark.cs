using System.Diagnostics;
using Governance.Core.Configuration;
using Governance.Core.Datasets.Export;
using Governance.Core.Datasets.Import;
using Governance.Data;
using Governance.Data.Datasets;
using Governance.Data.Providers;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance bench datasets [--records N]`: generates N prompt/completion records of ~500 bytes, imports them into a
/// fresh SQLite file and exports them again, printing rates and the peak working set sampled during the import.
/// </summary>
internal static class DatasetBenchmark
{
    public static async Task<int> RunAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--records");
        var records = int.TryParse(arguments.Flag("--records") ?? "1000000", out var n) && n > 0
            ? n : throw new CliUsageError("--records takes a whole number greater than zero.");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "governance-bench", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var file = Path.Combine(folder, "records.jsonl");
            BenchTools.GenerateRecords(file, records);
            var bytes = new FileInfo(file).Length;
            output.WriteLine($"generated {records:N0} records, {bytes / 1e6:0.0} MB ({bytes / records} bytes each)");

            var deployment = new DeploymentSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}",
                MessagingTransport.InMemory, null, folder);
            await new DatabaseMigrator(deployment).MigrateAsync();
            var factory = new ProviderContextFactory(deployment.Provider, deployment.ConnectionString);
            GC.Collect();
            using var sampler = new WorkingSetSampler();
            var clock = Stopwatch.StartNew();
            ImportOutcome outcome;
            await using (var stream = File.OpenRead(file))
                outcome = await new DatasetImporter(factory, TimeProvider.System).ImportAsync(stream,
                    new ImportRequest("bench", "generated", "none", "benchmark", "records.jsonl", ImportFormat.Jsonl, "bench"), ImportLimits.Default);
            var importSeconds = clock.Elapsed.TotalSeconds;
            if (!outcome.Report.Accepted) throw new InvalidOperationException(outcome.Report.Summary);
            output.WriteLine($"import: {records / importSeconds:N0} records/s ({importSeconds:0.0} s), peak working set {sampler.PeakMegabytes:N0} MB");

            clock.Restart();
            long exported;
            await using (var target = File.Create(Path.Combine(folder, "export.jsonl")))
                exported = await new DatasetCatalog(factory).ExportAsync(outcome.Version!, ExportFormat.Canonical, target);
            var exportSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"export (canonical JSONL): {exported / exportSeconds:N0} records/s ({exportSeconds:0.0} s)");

            clock.Restart();
            var indexed = await new RecordSearchIndexer(factory, TimeProvider.System).IndexAsync(outcome.Version!.Id);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"full-text index (background, after the import): {indexed / indexSeconds:N0} records/s ({indexSeconds:0.0} s); " +
                $"import and index together {records / (importSeconds + indexSeconds):N0} records/s");

            var catalog = new DatasetCatalog(factory);
            var random = new Random(7);
            var all = new List<double>();
            var pages = await BenchTools.Latencies(200, () => catalog.PageAsync(outcome.Version!,
                new RecordQuery(random.Next((int)(records / 25)), 25, Descending: random.Next(2) == 0)));
            output.WriteLine($"browser page of 25 (random page, either order), 200 requests: {BenchTools.Quantiles(pages)}");
            // Selective searches (a ticket number, a prefix) and ones whose words are in every record (the generator
            // draws from 20 words), which hit the count limit.
            string[] terms = ["Ticket 4242", "ticket 98765", "4711", "refund", "warranty upgrade", "no such words"];
            foreach (var term in terms)
            {
                var searches = await BenchTools.Latencies(20, () => catalog.PageAsync(outcome.Version!, new RecordQuery(0, 25, term)));
                var matches = await catalog.PageAsync(outcome.Version!, new RecordQuery(0, 25, term));
                output.WriteLine($"full-text search \"{term}\" ({(matches.TotalIsAtLeast ? "more than " : "")}{Math.Min(matches.Total, DatasetCatalog.SearchCountLimit):N0} matches), first page of 25 with count, 20 requests: {BenchTools.Quantiles(searches)}");
                all.AddRange(searches);
            }
            output.WriteLine($"full-text search, all {all.Count} requests: {BenchTools.Quantiles(all)}");
            var sorted = await BenchTools.Latencies(50, () => catalog.PageAsync(outcome.Version!,
                new RecordQuery(random.Next(400), 25, Descending: random.Next(2) == 0, Sort: RecordSort.Length)));
            output.WriteLine($"browser page of 25 sorted by length (one of the first 400 pages, either order), 50 requests: {BenchTools.Quantiles(sorted)}");

            clock.Restart();
            var run = await new DatasetStatistics(factory, catalog, TimeProvider.System).ComputeAsync(outcome.Version!);
            output.WriteLine($"statistics (GPT-2 tokens, histogram, languages, exact and near duplicates): {records / clock.Elapsed.TotalSeconds:N0} records/s " +
                $"({clock.Elapsed.TotalSeconds:0.0} s), {run.State}, peak working set {sampler.PeakMegabytes:N0} MB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public WorkingSetSampler() => _timer = new Timer(_ => Sample(), null, 0, 100);

        public double PeakMegabytes { get { Sample(); return Interlocked.Read(ref _peak) / 1e6; } }

        private void Sample()
        {
            using var self = Process.GetCurrentProcess();
            var now = self.WorkingSet64;
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
        }

        public void Dispose() => _timer.Dispose();
    }
}
