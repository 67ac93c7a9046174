namespace Governance.Core.Bias;

/// <summary>Where the audit finds a record's label, and which label values count as the favourable outcome.</summary>
public sealed record BiasLabel
{
    /// <summary><c>label</c> for the record's own label(s); any other name is a metadata field.</summary>
    public string Field { get; init; } = "label";

    /// <summary>Values (compared exactly) that make a record favourable; with several labels, any one suffices.</summary>
    public IReadOnlyList<string> FavourableValues { get; init; } = [];
}
