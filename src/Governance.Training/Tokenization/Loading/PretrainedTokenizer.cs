namespace Governance.Training.Tokenization.Loading;

/// <summary>A model folder's tokenizer with the chat template its tokenizer_config.json carries.</summary>
/// <param name="Tokenizer">The tokenizer.</param>
/// <param name="ChatTemplate">The Jinja text of the chat template, or null when the folder has none.</param>
/// <param name="ChatTemplateFile">The file the template came from, for error messages.</param>
public sealed record PretrainedTokenizer(ITextTokenizer Tokenizer, string? ChatTemplate, string ChatTemplateFile);
