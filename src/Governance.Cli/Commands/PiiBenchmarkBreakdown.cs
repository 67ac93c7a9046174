using System.Diagnostics;
using Governance.Core.Pii;

namespace Governance.Cli.Commands;

/// <summary>
/// Where the scan's time goes: one thread over the start of the corpus, first reading the JSON strings with no
/// recognizer, then with each recognizer alone; a recognizer's cost is its pass less the reading.
/// </summary>
internal static class PiiBenchmarkBreakdown
{
    private const long SampleBytes = 20_000_000;

    public static void Write(string file, TextWriter output)
    {
        var blocks = Sample(file);
        var bytes = blocks.Sum(b => (long)b.Length);
        var reading = Seconds(blocks, []);
        output.WriteLine($"breakdown, 1 thread, first {bytes / 1e6:0} MB: reading the JSON strings alone {bytes / 1e6 / reading:0.0} MB/s ({reading:0.000} s)");
        foreach (var recognizer in PiiScanner.BuiltIn())
        {
            var seconds = Seconds(blocks, [recognizer]);
            output.WriteLine($"  {recognizer.Name,-16} alone {bytes / 1e6 / seconds,7:0.0} MB/s, its own cost {Math.Max(0, seconds - reading),6:0.000} s");
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

    /// <summary>The fastest of three passes, so that a pass slowed by other work on the machine does not count.</summary>
    private static double Seconds(List<PiiJsonlBlock> blocks, IReadOnlyList<IPiiRecognizer> recognizers)
    {
        var jsonl = new PiiJsonl(new PiiScanner(recognizers));
        var best = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var block in blocks) PiiBenchmark.Scan(jsonl, block);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
