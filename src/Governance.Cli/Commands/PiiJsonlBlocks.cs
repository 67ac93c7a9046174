namespace Governance.Cli.Commands;

/// <summary>A run of whole JSON lines read from a file as UTF-8, with the 1-based number of its first line.</summary>
internal sealed record PiiJsonlBlock(byte[] Bytes, int Length, long FirstLine)
{
    /// <summary>Calls <paramref name="onLine"/> for each line that is not blank, with its number.</summary>
    public void ForEachLine(Action<ReadOnlySpan<byte>, long> onLine)
    {
        var number = FirstLine;
        var rest = Bytes.AsSpan(0, Length);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.Trim(" \t\r"u8).IsEmpty) onLine(line, number);
            number++;
        }
    }
}

/// <summary>
/// Reads a JSONL file in blocks of whole lines, as bytes: no string per line and no decoding of text that is never
/// scanned, and blocks can go to several threads at once.
/// </summary>
internal static class PiiJsonlBlocks
{
    private const int BlockSize = 1 << 20;

    /// <summary>The blocks of <paramref name="file"/>, in order; a block grows to hold a line longer than it.</summary>
    public static IEnumerable<PiiJsonlBlock> Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize];
        var filled = 0;
        long line = 1;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0 && filled == 0) yield break;
            filled += read;
            // The file's byte order mark, if any, is not part of its first line.
            if (first && buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8)) { buffer.AsSpan(3, filled - 3).CopyTo(buffer); filled -= 3; }
            first = false;
            // Up to the last whole line; at the end of the file, everything.
            var end = read == 0 ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0) continue;
            var next = new byte[Math.Max(BlockSize, filled - end)];
            buffer.AsSpan(end, filled - end).CopyTo(next);
            yield return new PiiJsonlBlock(buffer, end, line);
            line += buffer.AsSpan(0, end).Count((byte)'\n');
            (buffer, filled) = (next, filled - end);
        }
    }
}
