using Governance.Core.Validation;

namespace Governance.Core.Models;

/// <summary>The parts of a model card that ML engineers write; training data and evaluation come from the registry.</summary>
public sealed record ModelCardText(string? IntendedUse, string? OutOfScopeUse, string? Limitations, string? BiasAndFairness, string? License)
{
    /// <summary>The most characters one section may hold.</summary>
    public const int MaxSection = 4000;

    /// <summary>A card nobody has written yet.</summary>
    public static ModelCardText Empty { get; } = new(null, null, null, null, null);

    /// <summary>The sections trimmed (blank ones as null); refused, naming the field, when one is longer than <see cref="MaxSection"/>.</summary>
    public ModelCardText Validated()
    {
        string? Section(string? value, string field) =>
            value?.Trim() is not { Length: > 0 } trimmed ? null
            : trimmed.Length <= MaxSection ? trimmed
            : throw new ValidationError(field, $"Keep the section to {MaxSection} characters; link longer documents.");
        return new(Section(IntendedUse, "intendedUse"), Section(OutOfScopeUse, "outOfScopeUse"), Section(Limitations, "limitations"),
            Section(BiasAndFairness, "biasAndFairness"), Section(License, "license"));
    }
}

/// <summary>
/// A model card: the written sections, the training data (the dataset releases of the model's lineage) and the
/// evaluation (its recorded results). Complete when every section has content; <see cref="MissingSections"/> names the rest.
/// </summary>
public sealed record ModelCard(ModelCardText Text, string? TrainingData, string? Evaluation)
{
    /// <summary>The card of a model with <paramref name="lineage"/> and <paramref name="evaluation"/> (null before any).</summary>
    public static ModelCard Compose(ModelCardText text, IReadOnlyList<DatasetLineage> lineage, ModelEvaluation? evaluation) =>
        new(text, lineage.Count == 0 ? null : string.Join("; ", lineage.Select(l => l.Describe())), evaluation?.Describe());

    /// <summary>Each section by the name the card and its refusals use, with its content.</summary>
    public IReadOnlyList<(string Name, string? Content)> Sections =>
    [
        ("intended use", Text.IntendedUse), ("out-of-scope use", Text.OutOfScopeUse), ("limitations", Text.Limitations),
        ("training data", TrainingData), ("evaluation", Evaluation), ("bias and fairness considerations", Text.BiasAndFairness),
        ("license", Text.License),
    ];

    /// <summary>The sections still empty, in card order; empty when the card is complete.</summary>
    public IReadOnlyList<string> MissingSections => [.. Sections.Where(s => string.IsNullOrWhiteSpace(s.Content)).Select(s => s.Name)];
}
