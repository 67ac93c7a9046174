namespace Governance.Core.Datasets.Import;

/// <summary>A physical line of the file, without its line end; <see cref="TooLong"/> lines carry no bytes.</summary>
public readonly record struct RawLine(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong, long Length);

/// <summary>
/// Splits a stream into lines in constant memory: "\n" or "\r\n" ends a line, a UTF-8 byte-order mark at the start is
/// skipped, and a line longer than the limit is reported (with its length) instead of being held in memory.
/// </summary>
public static class LineSplitter
{
    /// <summary>The lines of <paramref name="input"/>, numbered from 1.</summary>
    public static async IAsyncEnumerable<RawLine> ReadAsync(
        Stream input, int maxLineBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        long number = 1, length = 0;
        var first = true;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            if (first)
            {
                first = false;
                if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
            }
            while (start < read)
            {
                var end = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var chunkEnd = end < 0 ? read : end;
                length += chunkEnd - start;
                if (length <= maxLineBytes + 1) line.Write(buffer, start, chunkEnd - start);
                if (end < 0) break;
                yield return Complete(line, number++, ref length, maxLineBytes);
                start = end + 1;
            }
        }
        if (length > 0 || line.Length > 0) yield return Complete(line, number, ref length, maxLineBytes);
    }

    private static RawLine Complete(MemoryStream line, long number, ref long length, int maxLineBytes)
    {
        var bytes = line.ToArray();
        var count = bytes.Length > 0 && bytes[^1] == '\r' ? bytes.Length - 1 : bytes.Length;
        var total = length - (bytes.Length > count ? 1 : 0);
        line.SetLength(0);
        length = 0;
        return total > maxLineBytes
            ? new RawLine(number, ReadOnlyMemory<byte>.Empty, TooLong: true, total)
            : new RawLine(number, bytes.AsMemory(0, count), TooLong: false, total);
    }
}
