namespace Governance.Core.Datasets;

/// <summary>A named collection of training records and the facts a datasheet needs; its content lives in versions.</summary>
public sealed class Dataset
{
    /// <summary>The dataset's identity.</summary>
    public Guid Id { get; init; }

    /// <summary>A short name, unique in the portal.</summary>
    public required string Name { get; set; }

    /// <summary>Where the data came from (a system, a vendor, a URL).</summary>
    public required string Source { get; set; }

    /// <summary>The licence or terms under which it may be used.</summary>
    public required string Licence { get; set; }

    /// <summary>Why it was collected: the purpose its use must stay within.</summary>
    public required string CollectionPurpose { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedUtc { get; init; }
}
