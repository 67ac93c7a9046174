namespace Governance.Training.Tokenization.Training;

/// <summary>A byte-level BPE tokenizer's data: tokens in GPT-2's byte alphabet, merges in rank order, added tokens.</summary>
/// <param name="Vocab">Each token (in <see cref="ByteLevelAlphabet"/> characters) and its id, special tokens included.</param>
/// <param name="Merges">The merges, first applied first.</param>
/// <param name="AddedTokens">Tokens matched whole in the text, such as <c>&lt;|endoftext|&gt;</c>.</param>
public sealed record ByteLevelBpeVocabulary(
    IReadOnlyDictionary<string, int> Vocab,
    IReadOnlyList<(string Left, string Right)> Merges,
    IReadOnlyList<AddedToken> AddedTokens);
