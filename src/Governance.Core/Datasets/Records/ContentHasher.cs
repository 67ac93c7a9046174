using System.Security.Cryptography;

namespace Governance.Core.Datasets.Records;

/// <summary>Accumulates a version's content hash record by record (see <see cref="CanonicalJson"/>).</summary>
public sealed class ContentHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Records added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds <paramref name="record"/> in canonical form.</summary>
    public void Add(DatasetRecord record) => AddCanonical(CanonicalJson.Serialize(record));

    /// <summary>Adds a record already in canonical form (without its line end).</summary>
    public void AddCanonical(ReadOnlySpan<byte> canonicalJson)
    {
        _hash.AppendData(canonicalJson);
        _hash.AppendData("\n"u8);
        Count++;
    }

    /// <summary>The lower-case hex SHA-256 of everything added.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <summary>Releases the hash.</summary>
    public void Dispose() => _hash.Dispose();
}
