using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Import;

/// <summary>
/// Reads a JSONL, CSV or plain-text file as a stream, validating every line. Good records go to the caller as they
/// come; the caller must discard them all unless the returned report is <see cref="ImportReport.Accepted"/>
/// (all-or-nothing). Memory stays flat whatever the file's size.
/// </summary>
public static class DatasetFileReader
{
    /// <summary>Reads <paramref name="input"/> to its end and reports what it found; good records go to <paramref name="onRecord"/>.</summary>
    public static async Task<ImportReport> ReadAsync(
        Stream input, ImportFormat format, ImportLimits limits, Func<DatasetRecord, ValueTask> onRecord, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport(format, limits);
        var counting = new CountingStream(input);
        var lines = Lines(LineSplitter.ReadAsync(counting, limits.MaxLineBytes, cancellationToken), report);
        var records = format switch
        {
            ImportFormat.Jsonl => JsonlRecords(lines),
            ImportFormat.Csv => CsvReader.Records(lines, report),
            _ => TextRecords(lines),
        };
        await foreach (var (line, record, error) in records.WithCancellation(cancellationToken))
        {
            if (record is null) report.Fail(line, error!);
            else if (report.Accept(line, record)) await onRecord(record);
        }
        report.Bytes = counting.BytesRead;
        if (report.Bytes == 0) report.Fail(0, "the file is empty (0 bytes)");
        else if (report.Records == 0 && report.ErrorCount == 0) report.Fail(0, "the file holds no records, only blank lines");
        return report;
    }

    /// <summary>Decoded lines; overlong and invalid UTF-8 lines become errors here, for every format.</summary>
    private static async IAsyncEnumerable<(long Number, string Text)> Lines(IAsyncEnumerable<RawLine> raw, ImportReport report)
    {
        await foreach (var line in raw)
        {
            if (line.TooLong)
                report.Fail(line.Number, $"the line is {line.Length:N0} bytes; the limit is {report.Limits.MaxLineBytes:N0} (setting Datasets:MaxLineBytes)");
            else if (!Utf8.IsValid(line.Bytes.Span))
                report.Fail(line.Number, "the line is not valid UTF-8; save the file as UTF-8");
            else
                yield return (line.Number, Encoding.UTF8.GetString(line.Bytes.Span));
        }
    }

    private static async IAsyncEnumerable<(long, DatasetRecord?, string?)> JsonlRecords(IAsyncEnumerable<(long Number, string Text)> lines)
    {
        await foreach (var (number, text) in lines)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return ParseJson(number, text);
        }
    }

    internal static (long, DatasetRecord?, string?) ParseJson(long number, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var record = RecordParser.Parse(document.RootElement, out var error);
            return (number, record, error);
        }
        catch (JsonException e)
        {
            var column = e.BytePositionInLine is { } position ? $" at byte {position + 1}" : "";
            return (number, null, $"malformed JSON{column}: {e.Message.Split(" Path:")[0].TrimEnd('.')}");
        }
    }

    /// <summary>Plain text: each run of non-blank lines is one <c>text</c> record, numbered by its first line.</summary>
    private static async IAsyncEnumerable<(long, DatasetRecord?, string?)> TextRecords(IAsyncEnumerable<(long Number, string Text)> lines)
    {
        var block = new StringBuilder();
        long start = 0;
        await foreach (var (number, text) in lines)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (block.Length > 0) yield return (start, new DatasetRecord { Shape = RecordShape.Text, Text = block.ToString() }, null);
                block.Clear();
                continue;
            }
            if (block.Length == 0) start = number;
            else block.Append('\n');
            block.Append(text);
        }
        if (block.Length > 0) yield return (start, new DatasetRecord { Shape = RecordShape.Text, Text = block.ToString() }, null);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
