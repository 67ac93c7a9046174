using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Governance.Core.Pii;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance bench pii [--megabytes 200]`: generates a JSONL corpus of support messages with personal data and hard
/// negatives, scans it with every recognizer and all validation, single-threaded and then on all cores, and in the
/// same run times ripgrep (when installed) searching the same file for the raw candidate patterns.
/// </summary>
internal static class PiiBenchmark
{
    /// <summary>The candidate patterns without validation, in a syntax ripgrep's default engine reads.</summary>
    private static readonly string[] RawPatterns =
    [
        @"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}",
        @"(\+|00)[1-9][0-9 ().-]{7,18}[0-9]",
        @"\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}",
        @"[0-9](?:[ -]?[0-9]){12,18}",
        @"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}",
        @"[0-9]{3}-[0-9]{2}-[0-9]{4}",
        @"(?:[0-9]{1,3}\.){3}[0-9]{1,3}",
        @"(?:https?://|www\.)[^\s""]+",
        @"(?:AKIA|ASIA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}",
        @"(?i)(?:password|pwd|secret|api_?key|token)\s*[:=]\s*\S{6,}",
        @"[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}",
    ];

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
            var lines = Generate(file, megabytes * 1_000_000L);
            var bytes = new FileInfo(file).Length;
            output.WriteLine($"generated {lines:N0} JSONL records, {bytes / 1e6:0.0} MB");

            var jsonl = new PiiJsonl(new PiiScanner());
            // Not timed: compiles the patterns, loads the name lists and gives tiered compilation the couple of seconds of
            // steady calls it takes to replace the first, unoptimised code (a first pass ran at a quarter of the speed).
            var clock = Stopwatch.StartNew();
            foreach (var block in PiiJsonlBlocks.Read(file).TakeWhile(_ => clock.Elapsed < WarmUp)) Scan(jsonl, block);
            clock.Restart();
            var single = PiiJsonlBlocks.Read(file).Sum(block => Scan(jsonl, block));
            var singleSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"scan, 1 thread: {bytes / 1e6 / singleSeconds:0.0} MB/s ({singleSeconds:0.00} s), {single:N0} findings");

            clock.Restart();
            // Blocks of bytes go to the cores as they are read; the scanner holds no state, so they share it.
            var parallel = PiiJsonlBlocks.Read(file).AsParallel().Sum(block => Scan(jsonl, block));
            var parallelSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"scan, {Environment.ProcessorCount} threads: {bytes / 1e6 / parallelSeconds:0.0} MB/s ({parallelSeconds:0.00} s), {parallel:N0} findings");

            if (await RipgrepSecondsAsync(file) is { } rg)
                output.WriteLine($"ripgrep, same file, {RawPatterns.Length} raw patterns, no validation: {bytes / 1e6 / rg.Seconds:0.0} MB/s ({rg.Seconds:0.00} s), " +
                                 $"{rg.Lines:N0} matching lines; scan on all cores takes {parallelSeconds / rg.Seconds:0.00}x ripgrep's time");
            else output.WriteLine("ripgrep: not installed (Debian package ripgrep); no comparison");
            PiiBenchmarkBreakdown.Write(file, output);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static long Scan(PiiJsonl jsonl, PiiJsonlBlock block)
    {
        long findings = 0;
        block.ForEachLine((line, number) => findings += jsonl.Scan(line, number, "corpus.jsonl").Count);
        return findings;
    }

    private static async Task<(double Seconds, long Lines)?> RipgrepSecondsAsync(string file)
    {
        var start = new ProcessStartInfo("rg") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--count");
        foreach (var pattern in RawPatterns) { start.ArgumentList.Add("-e"); start.ArgumentList.Add(pattern); }
        start.ArgumentList.Add(file);
        try
        {
            var clock = Stopwatch.StartNew();
            using var rg = Process.Start(start)!;
            var counted = await rg.StandardOutput.ReadToEndAsync();
            await rg.WaitForExitAsync();
            if (rg.ExitCode > 1) throw new InvalidOperationException($"ripgrep failed: {await rg.StandardError.ReadToEndAsync()}");
            return (clock.Elapsed.TotalSeconds, long.TryParse(counted.Trim(), out var n) ? n : 0);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Writes support messages of ~300 characters until the file reaches <paramref name="bytes"/>; a third carry personal data, a fifth hard negatives.</summary>
    private static long Generate(string file, long bytes)
    {
        var random = new Random(11);
        string[] openers = ["Hello, I ordered a kettle last week and", "Hi team, my account stopped working after the update and",
            "Good morning, regarding invoice INV-2024-0042, I noticed that", "Dear support, the parcel never arrived and",
            "Hey, quick question about the warranty:"];
        string[] middles = ["the tracking page shows nothing new since Tuesday.", "I would like a refund or a replacement as soon as possible.",
            "the app crashes when I open the settings screen on version 2.14.0.", "nobody answered my previous two messages.",
            "I paid the full price of $129.99 including VAT."];
        string[] personal = ["You can reach me at jane.doe@example.com.", "Call me on +44 20 7946 0958 after five.", "My card 4111 1111 1111 1111 was charged twice.",
            "Please refund to DE89 3704 0044 0532 0130 00.", "My SSN is 536-22-1234 for the tax form.", "I logged in from 192.168.10.24 yesterday.",
            "My password: Tr0ub4dor&3x stopped working.", "I was born on 14/03/1987, as the form asks.", "The key AKIAIOSFODNN7EXAMPLE leaked in the logs.",
            "My phone is (415) 555-0132."];
        string[] negatives = ["Order 4111 1111 1111 1112 shipped.", "ISBN 978-3-16-148410-0 is the manual.", "Build 1.2.3.4 failed on 14/03/2025.",
            "Commit 9fceb02d0ae598e95dc970b74dd53f6ca8d7e0c1 broke it.", "Ticket #884213, qty 12, ref 2024-000123."];
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        long written = 0, lines = 0;
        while (written < bytes)
        {
            var text = new StringBuilder(openers[random.Next(openers.Length)]).Append(' ').Append(middles[random.Next(middles.Length)]);
            if (random.Next(3) == 0) text.Append(' ').Append(personal[random.Next(personal.Length)]);
            if (random.Next(5) == 0) text.Append(' ').Append(negatives[random.Next(negatives.Length)]);
            text.Append(' ').Append(middles[random.Next(middles.Length)]).Append(" Thanks, ticket ").Append(random.Next(100000));
            var line = JsonSerializer.Serialize(new { prompt = text.ToString(), completion = "Thank you for reaching out; we are looking into it." });
            writer.Write(line);
            writer.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
            lines++;
        }
        return lines;
    }
}
