using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization;

/// <summary>
/// A BPE tokenizer as Hugging Face tokenizers runs one: added tokens are cut out first, then each remaining piece is
/// normalized, split into words, mapped to byte-level characters when the tokenizer is byte-level, and merged.
/// Build one with <see cref="Loading.TokenizerFolder"/>.
/// </summary>
public sealed class BpeTokenizer : ITextTokenizer
{
    private readonly BpeModel _model;
    private readonly AddedTokenSplitter _addedTokens;
    private readonly Func<string, string> _normalize;
    private readonly IPreTokenizer _preTokenizer;
    private readonly bool _byteLevel;
    private readonly TokenBytes _tokenBytes;

    internal BpeTokenizer(BpeModel model, AddedTokenSplitter addedTokens, Func<string, string> normalize,
        IPreTokenizer preTokenizer, bool byteLevel, TokenBytes tokenBytes, int vocabSize, SpecialTokenIds special)
    {
        (_model, _addedTokens, _normalize, _preTokenizer) = (model, addedTokens, normalize, preTokenizer);
        (_byteLevel, _tokenBytes, VocabSize, Special) = (byteLevel, tokenBytes, vocabSize, special);
    }

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <inheritdoc />
    public SpecialTokenIds Special { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> Encode(string text, bool parseSpecialTokens = false)
    {
        var ids = new List<int>(text.Length / 3 + 1);
        foreach (var (piece, addedId) in _addedTokens.Split(text, parseSpecialTokens))
        {
            if (addedId is { } id)
            {
                ids.Add(id);
                continue;
            }
            foreach (var word in _preTokenizer.Split(_normalize(piece)))
                _model.Encode(_byteLevel ? ByteLevelAlphabet.Encode(word) : word, ids);
        }
        return ids;
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => _tokenBytes.Decode(ids, skipSpecialTokens);
}
