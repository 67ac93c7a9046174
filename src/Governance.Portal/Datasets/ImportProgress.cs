using System.Collections.Concurrent;

namespace Governance.Portal.Datasets;

/// <summary>How far the server is in checking and storing an uploaded file: bytes read of the file's size.</summary>
public sealed record ImportStage(long BytesRead, long Bytes);

/// <summary>
/// Server-side progress of imports in flight, by an id the uploading page chose, so that the page can show how far the
/// line-by-line check has got after the bytes arrived. Entries go when the import ends.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<string, Counter> _imports = new(StringComparer.Ordinal);

    /// <summary>The stage of the import with this id, if one is running.</summary>
    public ImportStage? Find(string id) => _imports.TryGetValue(id, out var counter) ? new ImportStage(Interlocked.Read(ref counter.Read), counter.Total) : null;

    /// <summary>Wraps <paramref name="file"/> so that reads are counted under <paramref name="id"/> until the returned handle is disposed.</summary>
    public (Stream Stream, IDisposable Registration) Track(string? id, FileStream file)
    {
        if (string.IsNullOrWhiteSpace(id)) return (file, new Registration(() => { }));
        var counter = new Counter { Total = file.Length };
        _imports[id] = counter;
        return (new CountingStream(file, counter), new Registration(() => _imports.TryRemove(id, out _)));
    }

    private sealed class Counter
    {
        public long Read;
        public long Total;
    }

    private sealed class Registration(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>A read-only pass-through that adds what it reads to a counter.</summary>
    private sealed class CountingStream(Stream inner, Counter counter) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            Interlocked.Add(ref counter.Read, read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
