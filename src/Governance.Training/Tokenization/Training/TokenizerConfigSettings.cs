namespace Governance.Training.Tokenization.Training;

/// <summary>What tokenizer_config.json records next to a trained tokenizer.</summary>
/// <param name="Bos">The beginning-of-sequence token, or null for none.</param>
/// <param name="Eos">The end-of-sequence token, or null for none.</param>
/// <param name="Pad">The padding token, or null for none.</param>
/// <param name="ChatTemplate">The chat template (Jinja text, as transformers expects), or null for none.</param>
/// <param name="ModelMaxLength">The longest sequence the model takes, in tokens.</param>
public sealed record TokenizerConfigSettings(string? Bos, string? Eos, string? Pad, string? ChatTemplate, int ModelMaxLength);
