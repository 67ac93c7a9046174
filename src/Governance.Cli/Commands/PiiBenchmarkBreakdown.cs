using System.Diagnostics;
using Governance.Core.Pii;

namespace Governance.Cli.Commands;

/// <summary>
/// Where the scan's time goes, on one thread over the start of the corpus: the scan with every recognizer, then
/// without each one in turn (its cost is the difference), and with none (reading the JSON strings and profiling them).
/// Work the recognizers share, such as finding the runs of digits, counts only as long as one of them needs it.
/// </summary>
internal static class PiiBenchmarkBreakdown
{
    private const long SampleBytes = 10_000_000;

    public static void Write(string file, TextWriter output)
    {
        var blocks = Sample(file);
        var megabytes = blocks.Sum(b => (long)b.Length) / 1e6;
        var all = PiiScanner.BuiltIn();
        var full = Seconds(blocks, all);
        var reading = Seconds(blocks, []);
        output.WriteLine($"breakdown, 1 thread, best of 3 over the first {megabytes:0} MB: every recognizer {megabytes / full:0.0} MB/s ({full:0.000} s); " +
                         $"reading the JSON strings with no recognizer {reading:0.000} s ({reading / full:0%})");
        foreach (var left in all)
        {
            // Measured in turns with the full scan, so that a change in the machine's load hits both alike.
            var (with, without) = (double.MaxValue, double.MaxValue);
            for (var turn = 0; turn < 3; turn++)
            {
                with = Math.Min(with, Seconds(blocks, all, passes: 1));
                without = Math.Min(without, Seconds(blocks, [.. all.Where(r => r != left)], passes: 1));
            }
            var cost = Math.Max(0, with - without);
            output.WriteLine($"  {left.Name,-16} {cost,7:0.000} s ({cost / with,4:0%})");
        }
    }

    private static List<PiiJsonlBlock> Sample(string file)
    {
        var blocks = new List<PiiJsonlBlock>();
        long taken = 0;
        foreach (var block in PiiJsonlBlocks.Read(file))
        {
            if (taken >= SampleBytes) break;
            blocks.Add(block);
            taken += block.Length;
        }
        return blocks;
    }

    /// <summary>The fastest of the passes, so that a pass slowed by other work on the machine does not count.</summary>
    private static double Seconds(List<PiiJsonlBlock> blocks, IReadOnlyList<IPiiRecognizer> recognizers, int passes = 3)
    {
        var jsonl = new PiiJsonl(new PiiScanner(recognizers));
        var best = double.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var block in blocks) PiiBenchmark.Scan(jsonl, block);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
