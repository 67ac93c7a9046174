using System.Text;
using System.Text.Json;

namespace Governance.Cli.Commands;

/// <summary>The benchmark's corpus: support messages of ~300 characters, a third with personal data, a fifth with hard negatives.</summary>
internal static class PiiBenchmarkCorpus
{
    private static readonly string[] Openers = ["Hello, I ordered a kettle last week and", "Hi team, my account stopped working after the update and",
        "Good morning, regarding invoice INV-2024-0042, I noticed that", "Dear support, the parcel never arrived and",
        "Hey, quick question about the warranty:"];
    private static readonly string[] Middles = ["the tracking page shows nothing new since Tuesday.", "I would like a refund or a replacement as soon as possible.",
        "the app crashes when I open the settings screen on version 2.14.0.", "nobody answered my previous two messages.",
        "I paid the full price of $129.99 including VAT."];
    private static readonly string[] Personal = ["You can reach me at jane.doe@example.com.", "Call me on +44 20 7946 0958 after five.", "My card 4111 1111 1111 1111 was charged twice.",
        "Please refund to DE89 3704 0044 0532 0130 00.", "My SSN is 536-22-1234 for the tax form.", "I logged in from 192.168.10.24 yesterday.",
        "My password: Tr0ub4dor&3x stopped working.", "I was born on 14/03/1987, as the form asks.", "The key AKIAIOSFODNN7EXAMPLE leaked in the logs.",
        "My phone is (415) 555-0132."];
    private static readonly string[] Negatives = ["Order 4111 1111 1111 1112 shipped.", "ISBN 978-3-16-148410-0 is the manual.", "Build 1.2.3.4 failed on 14/03/2025.",
        "Commit 9fceb02d0ae598e95dc970b74dd53f6ca8d7e0c1 broke it.", "Ticket #884213, qty 12, ref 2024-000123."];

    /// <summary>The messages, endlessly, the same for the same <paramref name="seed"/>.</summary>
    public static IEnumerable<string> Messages(int seed = 11)
    {
        var random = new Random(seed);
        while (true)
        {
            var text = new StringBuilder(Openers[random.Next(Openers.Length)]).Append(' ').Append(Middles[random.Next(Middles.Length)]);
            if (random.Next(3) == 0) text.Append(' ').Append(Personal[random.Next(Personal.Length)]);
            if (random.Next(5) == 0) text.Append(' ').Append(Negatives[random.Next(Negatives.Length)]);
            text.Append(' ').Append(Middles[random.Next(Middles.Length)]).Append(" Thanks, ticket ").Append(random.Next(100000));
            yield return text.ToString();
        }
    }

    /// <summary>Writes JSON lines of a message and a reply until the file reaches <paramref name="bytes"/>; how many lines.</summary>
    public static long Write(string file, long bytes)
    {
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        long written = 0, lines = 0;
        using var messages = Messages().GetEnumerator();
        while (written < bytes && messages.MoveNext())
        {
            var line = JsonSerializer.Serialize(new { prompt = messages.Current, completion = "Thank you for reaching out; we are looking into it." });
            writer.Write(line);
            writer.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
            lines++;
        }
        return lines;
    }
}
