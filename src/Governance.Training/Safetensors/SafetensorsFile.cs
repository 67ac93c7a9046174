using System.Buffers.Binary;

namespace Governance.Training.Safetensors;

/// <summary>
/// A safetensors file opened for reading: the header is read at once, each tensor's bytes only when asked for, so a
/// checkpoint larger than memory can be loaded tensor by tensor.
/// </summary>
public sealed class SafetensorsFile
{
    // The reference implementation caps the header at 100 MB; a larger length means a corrupt or foreign file.
    private const long MaxHeaderBytes = 100_000_000;
    private readonly Dictionary<string, SafetensorsEntry> _entries;

    private SafetensorsFile(string path, long dataStart, Dictionary<string, SafetensorsEntry> entries, Dictionary<string, string> metadata)
    {
        FilePath = path;
        DataStart = dataStart;
        _entries = entries;
        Metadata = metadata;
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>Absolute offset of the first data byte: 8 + the header length.</summary>
    public long DataStart { get; }

    /// <summary>The "__metadata__" strings of the header; empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Each tensor's type, shape and byte range, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries => _entries;

    /// <summary>Reads and checks the header of <paramref name="path"/>.</summary>
    public static SafetensorsFile Open(string path)
    {
        using var handle = File.OpenHandle(path);
        var fileLength = RandomAccess.GetLength(handle);
        Span<byte> prefix = stackalloc byte[8];
        if (fileLength < 8 || RandomAccess.Read(handle, prefix, 0) != 8)
            throw SafetensorsHeader.Fault(path, "it is shorter than the 8-byte header length");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(prefix);
        if (headerLength < 2 || headerLength > MaxHeaderBytes || 8 + headerLength > fileLength)
            throw SafetensorsHeader.Fault(path, $"the header length {headerLength} does not fit the file's {fileLength} bytes");
        var header = new byte[headerLength];
        RandomAccess.Read(handle, header, 8);
        var (entries, metadata) = SafetensorsHeader.Parse(header, fileLength - 8 - headerLength, path);
        return new SafetensorsFile(path, 8 + headerLength, entries, metadata);
    }

    /// <summary>Reads the tensor <paramref name="name"/>; a missing name is refused with a message naming it and the file.</summary>
    public SafetensorsTensor Read(string name)
    {
        if (!_entries.TryGetValue(name, out var entry))
            throw new KeyNotFoundException($"{Path.GetFileName(FilePath)} holds no tensor named '{name}'.");
        var data = new byte[entry.End - entry.Begin];
        using var handle = File.OpenHandle(FilePath);
        RandomAccess.Read(handle, data, DataStart + entry.Begin);
        return new SafetensorsTensor(entry.DType, entry.Shape, data);
    }

    /// <summary>Reads every tensor of the file.</summary>
    public Dictionary<string, SafetensorsTensor> ReadAll() =>
        _entries.Keys.ToDictionary(name => name, Read, StringComparer.Ordinal);
}
