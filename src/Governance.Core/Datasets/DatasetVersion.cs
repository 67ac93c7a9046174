using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets;

/// <summary>
/// An immutable state of a dataset's records. Every change (import, preprocessing, merge, redaction, split) makes a
/// new version that names its parent, the operation and its parameters, who and when, and the content hash of
/// its records (see <see cref="CanonicalJson"/>).
/// </summary>
public sealed class DatasetVersion
{
    /// <summary>The version's identity.</summary>
    public Guid Id { get; init; }

    /// <summary>The dataset it belongs to.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>1 for the first version, counting up.</summary>
    public int Number { get; init; }

    /// <summary>The version this one was made from; null for an import.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>What made it, e.g. "import".</summary>
    public required string Operation { get; init; }

    /// <summary>The operation's parameters as JSON, e.g. the file name and format.</summary>
    public required string Parameters { get; init; }

    /// <summary>The shape of every record in it.</summary>
    public RecordShape Shape { get; init; }

    /// <summary>How many records it holds.</summary>
    public long RecordCount { get; init; }

    /// <summary>SHA-256 of its canonical JSONL, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Who made it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedUtc { get; init; }
}
