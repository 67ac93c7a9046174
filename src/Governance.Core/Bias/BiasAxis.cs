namespace Governance.Core.Bias;

/// <summary>One dimension of an audit, such as gender or religion, and the groups compared along it.</summary>
public sealed record BiasAxis
{
    /// <summary>A short name, unique in the configuration, e.g. <c>gender</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The groups compared; a record mentions a group when any of its terms occurs as whole words.</summary>
    public IReadOnlyList<BiasGroup> Groups { get; init; } = [];

    /// <summary>Terms swapped to make a counterfactual text (see <see cref="CounterfactualSwapper"/>).</summary>
    public IReadOnlyList<CounterfactualPair> CounterfactualPairs { get; init; } = [];

    /// <summary>The group others are compared with for disparate impact; null means the one with the highest base rate.</summary>
    public string? PrivilegedGroup { get; init; }
}

/// <summary>A group along an axis and the words that mention it.</summary>
public sealed record BiasGroup
{
    /// <summary>A short name, unique on its axis, e.g. <c>female</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Words or phrases, matched whole-word and case-insensitively; hyphens and spaces between words are alike.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <summary>Two terms that stand for each other in a counterfactual text, e.g. "he" and "she".</summary>
public sealed record CounterfactualPair
{
    /// <summary>One term.</summary>
    public string First { get; init; } = "";

    /// <summary>The term that replaces it, and that it replaces.</summary>
    public string Second { get; init; } = "";
}
