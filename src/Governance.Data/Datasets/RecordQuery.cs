using Governance.Core.Datasets.Splits;
using Governance.Core.Validation;

namespace Governance.Data.Datasets;

/// <summary>What a records page is ordered by.</summary>
public enum RecordSort
{
    /// <summary>The record's place in the version.</summary>
    Ordinal,

    /// <summary>The length of its canonical JSON.</summary>
    Length,
}

/// <summary>A request for one page of a version's records: which page, the order, and the filters (all optional).</summary>
public sealed record RecordQuery(
    int Page, int Size, string? Search = null, bool Descending = false, RecordSort Sort = RecordSort.Ordinal, Split? Split = null, string? Label = null)
{
    /// <summary>The largest page served.</summary>
    public const int MaxSize = 500;

    /// <summary>Refuses a page outside the range, naming the field.</summary>
    public void Validate()
    {
        if (Page < 0) throw new ValidationError("page", "Pages count from 0.");
        if (Size is < 1 or > MaxSize) throw new ValidationError("size", $"Ask for 1 to {MaxSize} records per page.");
    }
}
