namespace Governance.Data.Datasets;

/// <summary>A record's canonical JSON, stored once however many versions hold it.</summary>
public sealed class RecordContent
{
    /// <summary>SHA-256 of the canonical line, lower-case hex.</summary>
    public required string Hash { get; init; }

    public required string Json { get; init; }
}

/// <summary>The record at one position of a version.</summary>
public sealed class VersionEntry
{
    public Guid VersionId { get; init; }

    /// <summary>0-based position in the version.</summary>
    public long Ordinal { get; init; }

    /// <summary>The record's identity across versions: kept by every operation that keeps the record, so a diff can
    /// tell a changed record from a removed one and an added one. An import numbers its records from 0.</summary>
    public long RecordKey { get; init; }

    public required string Hash { get; init; }

    /// <summary>Characters of the record's canonical JSON, kept here so the browser can sort a version by it through an index.</summary>
    public int Length { get; init; }

    /// <summary>The split the record belongs to in this version, when the version was split.</summary>
    public Core.Datasets.Splits.Split? Split { get; init; }
}

/// <summary>A version whose record contents are all in the full-text index (SQLite), and since when.</summary>
public sealed class SearchIndexedVersion
{
    public Guid VersionId { get; init; }

    public DateTimeOffset IndexedUtc { get; init; }
}
