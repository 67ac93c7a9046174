namespace Governance.Training.Tokenization;

/// <summary>A token matched whole in the text before any BPE, as in the <c>added_tokens</c> of tokenizer.json.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Content">The text it stands for, e.g. <c>&lt;|endoftext|&gt;</c>.</param>
/// <param name="Special">Special tokens are matched only when asked and can be skipped when decoding.</param>
public sealed record AddedToken(int Id, string Content, bool Special);
