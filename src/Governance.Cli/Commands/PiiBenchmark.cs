using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Core.Pii;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance bench pii [--megabytes 200]`: generates a JSONL corpus of support messages with personal data and hard
/// negatives, scans it with every recognizer and all validation, single-threaded and then on all cores, and in the
/// same run times ripgrep (when installed) searching the same file for the raw candidate patterns (<see cref="PiiRipgrep"/>).
/// Each figure is the median of <see cref="Runs"/> runs; the machine's load average is printed with them.
/// </summary>
internal static class PiiBenchmark
{
    private const int Runs = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--megabytes");
        var megabytes = int.TryParse(arguments.Flag("--megabytes") ?? "200", out var m) && m > 0
            ? m : throw new CliUsageError("--megabytes takes a whole number greater than zero.");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "governance-bench", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var file = Path.Combine(folder, "corpus.jsonl");
            var lines = PiiBenchmarkCorpus.Write(file, megabytes * 1_000_000L);
            var mb = new FileInfo(file).Length / 1e6;
            output.WriteLine($"generated {lines:N0} JSONL records, {mb:0.0} MB; {Environment.ProcessorCount} cores, {Load()}");

            var jsonl = new PiiJsonl(new PiiScanner());
            // Not timed: compiles the patterns, loads the name lists and gives tiered compilation the couple of seconds of
            // steady calls it takes to replace the first, unoptimised code (a first pass ran at a quarter of the speed).
            var clock = Stopwatch.StartNew();
            foreach (var block in PiiJsonlBlocks.Read(file).TakeWhile(_ => clock.Elapsed < WarmUp)) Scan(jsonl, block);

            var (single, findings) = Median(() => PiiJsonlBlocks.Read(file).Sum(block => Scan(jsonl, block)));
            output.WriteLine($"scan, 1 thread: {mb / single:0.0} MB/s ({single:0.00} s, median of {Runs}), {findings:N0} findings");
            // Blocks of bytes go to the cores one at a time as they are read (PLINQ's default hands out ever larger chunks,
            // which can leave one core with the last tens of megabytes); the scanner holds no state, so they share it.
            var (parallel, parallelFindings) = Median(() => Partitioner.Create(PiiJsonlBlocks.Read(file), EnumerablePartitionerOptions.NoBuffering)
                .AsParallel().Sum(block => Scan(jsonl, block)));
            output.WriteLine($"scan, {Environment.ProcessorCount} threads: {mb / parallel:0.0} MB/s ({parallel:0.00} s, median of {Runs}), {parallelFindings:N0} findings");

            if (await PiiRipgrep.VersionAsync() is not { } version)
                output.WriteLine("ripgrep: not installed (Debian package ripgrep); no comparison");
            else
            {
                var every = (await PiiRipgrep.MedianAsync(file, _ => true, Runs))!.Value;
                output.WriteLine($"{version}, same file, page cache warm, 1 thread (ripgrep shares out files, not lines), every match counted, " +
                                 $"no validation, the raw pattern of every recognizer ({PiiRipgrep.Patterns.Length}): " +
                                 $"{mb / every.Seconds:0.0} MB/s ({every.Seconds:0.00} s, median of {Runs}), {every.Matches:N0} matches; " +
                                 $"the scan on {Environment.ProcessorCount} threads takes {parallel / every.Seconds:0.00}x ripgrep's time");
                var withoutPerson = (await PiiRipgrep.MedianAsync(file, name => name != "person", Runs))!.Value;
                output.WriteLine($"ripgrep without the person pattern (capitalised words, the costliest for ripgrep too): {mb / withoutPerson.Seconds:0.0} MB/s " +
                                 $"({withoutPerson.Seconds:0.00} s), {withoutPerson.Matches:N0} matches; the full scan takes {parallel / withoutPerson.Seconds:0.00}x that");
            }
            PiiBenchmarkBreakdown.Write(file, output);
            output.WriteLine($"done; {Load()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The median time of <see cref="Runs"/> runs of <paramref name="scan"/>, with what it counted.</summary>
    private static (double Seconds, long Findings) Median(Func<long> scan)
    {
        var runs = new List<(double, long)>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var findings = scan();
            runs.Add((clock.Elapsed.TotalSeconds, findings));
        }
        return runs.Order().ElementAt(Runs / 2);
    }

    /// <summary>The load average the kernel reports, where it does (other work slows every figure alike).</summary>
    private static string Load() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1, 5, 15 min)" : "load average unknown";

    internal static long Scan(PiiJsonl jsonl, PiiJsonlBlock block)
    {
        long findings = 0;
        block.ForEachLine((line, number) => findings += jsonl.Scan(line, number, "corpus.jsonl").Count);
        return findings;
    }
}
