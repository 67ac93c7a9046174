using Governance.Core.Validation;

namespace Governance.Core.Datasets.Preprocessing;

/// <summary>The preprocessing steps to apply, each optional; the chosen ones are recorded on the new version.</summary>
/// <param name="Nfc">Unicode normalisation form C.</param>
/// <param name="Whitespace">Collapse runs of spaces and tabs, trim lines, at most one blank line in a row.</param>
/// <param name="ControlCharacters">Remove control characters other than line feed and tab.</param>
/// <param name="Deduplicate">Keep only the first of records that are identical after the steps above.</param>
/// <param name="MinTokens">Drop records with fewer GPT-2 tokens than this.</param>
/// <param name="MaxTokens">Drop records with more GPT-2 tokens than this.</param>
/// <param name="NearDuplicateThreshold">When set, drop the later record of every pair whose estimated similarity
/// reaches it (see <see cref="Statistics.NearDuplicateFinder"/>).</param>
public sealed record PreprocessingPlan(
    bool Nfc, bool Whitespace, bool ControlCharacters, bool Deduplicate, int? MinTokens, int? MaxTokens, double? NearDuplicateThreshold = null)
{
    /// <summary>Every text step and de-duplication, no length filter.</summary>
    public static PreprocessingPlan Default { get; } = new(true, true, true, true, null, null);

    /// <summary>True when a step changes the text of records.</summary>
    public bool ChangesText => Nfc || Whitespace || ControlCharacters;

    /// <summary>Refuses a plan that does nothing or a length window that cannot hold a record, naming the field.</summary>
    public void Validate()
    {
        if (MinTokens < 0) throw new ValidationError("minTokens", "The minimum token count cannot be negative.");
        if (MaxTokens < 1) throw new ValidationError("maxTokens", "The maximum token count must be at least 1.");
        if (MinTokens > MaxTokens) throw new ValidationError("minTokens", $"The minimum ({MinTokens}) is above the maximum ({MaxTokens}).");
        if (NearDuplicateThreshold is { } threshold) Statistics.NearDuplicateFinder.Validate(threshold);
        if (!ChangesText && !Deduplicate && MinTokens is null && MaxTokens is null && NearDuplicateThreshold is null)
            throw new ValidationError("steps",
                "Choose at least one step: NFC, whitespace, control characters, de-duplication, a length filter or near-duplicate removal.");
    }
}
