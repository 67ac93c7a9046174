namespace Governance.Core.Annotation.Projects;

/// <summary>One question of an annotation project.</summary>
/// <param name="Key">The answer's name in outputs and exports: lower case letters, digits and '_'.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Title">What the annotator reads, e.g. "Is the answer helpful?".</param>
/// <param name="Labels">The labels of classification and span questions, in the order digits 1 to 9 pick them.</param>
/// <param name="Criteria">The criteria of a rating question, each rated 1 to 5.</param>
public sealed record Question(string Key, QuestionKind Kind, string Title, IReadOnlyList<string>? Labels = null, IReadOnlyList<string>? Criteria = null)
{
    /// <summary>The most labels a question may have: digits 1 to 9 pick them.</summary>
    public const int MaxLabels = 9;

    /// <summary>The lowest and highest rating.</summary>
    public const int MinRating = 1, MaxRating = 5;

    /// <summary>The labels, never null.</summary>
    public IReadOnlyList<string> LabelList => Labels ?? [];

    /// <summary>The criteria, never null.</summary>
    public IReadOnlyList<string> CriterionList => Criteria ?? [];
}
