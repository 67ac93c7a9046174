using System.Diagnostics;
using System.Text;

namespace Governance.Cli.Commands;

/// <summary>What the benchmark commands share: generated records, timed requests and how latencies are summarised.</summary>
internal static class BenchTools
{
    /// <summary>Times <paramref name="count"/> sequential calls after one untimed warm-up, in milliseconds.</summary>
    public static async Task<List<double>> Latencies<T>(int count, Func<Task<T>> request)
    {
        await request(); // warm-up, not counted
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Median and 95th percentile (nearest rank).</summary>
    public static string Quantiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"median {At(0.5):0.0} ms, p95 {At(0.95):0.0} ms";
    }

    /// <summary>Support-ticket prompt/completion records of about 540 bytes, the same for the same count.</summary>
    public static void GenerateRecords(string file, int records)
    {
        var random = new Random(42);
        string[] words = ["account", "invoice", "password", "refund", "delivery", "warranty", "order", "support", "reset", "billing",
            "customer", "shipping", "return", "policy", "payment", "device", "login", "subscription", "upgrade", "contract"];
        string Sentence(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        for (var i = 0; i < records; i++)
            writer.Write($"{{\"prompt\":\"Ticket {i}: {Sentence(18)}?\",\"completion\":\"{Sentence(42)}.\",\"ticket\":{i}}}\n");
    }
}
