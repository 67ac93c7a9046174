using System.Text.RegularExpressions;
using Governance.Training.Tokenization.Bpe;
using Microsoft.ML.Tokenizers;

namespace Governance.Training.Tokenization;

/// <summary>
/// GPT-2's encoding as Microsoft.ML.Tokenizers ships it (no download), behind <see cref="ITextTokenizer"/>. Its one
/// special token, <c>&lt;|endoftext|&gt;</c> (50256), is beginning, end and padding alike, as in GPT-2's own config.
/// </summary>
public sealed class TiktokenGpt2Tokenizer : ITextTokenizer
{
    /// <summary>GPT-2's end-of-text token.</summary>
    public const string EndOfText = "<|endoftext|>";

    private static readonly Lazy<TiktokenGpt2Tokenizer> Shared = new(() => new TiktokenGpt2Tokenizer());
    private readonly TiktokenTokenizer _tokenizer;
    private readonly AddedTokenSplitter _specialTokens;

    private TiktokenGpt2Tokenizer()
    {
        TokenBytes = Gpt2Ranks.Read();
        var endOfText = TokenBytes.Count;
        // CreateForModel("gpt2") always turns "<|endoftext|>" in the text into its id; built from the same ranks
        // without special tokens in its pre-tokenizer, the tokenizer leaves that choice to Encode's caller.
        using var ranks = Gpt2Ranks.TiktokenFile(TokenBytes);
        _tokenizer = TiktokenTokenizer.Create(ranks,
            new Microsoft.ML.Tokenizers.RegexPreTokenizer(new Regex(Bpe.RegexPreTokenizer.Gpt2Pattern, RegexOptions.Compiled), null),
            normalizer: null, specialTokens: new Dictionary<string, int> { [EndOfText] = endOfText });
        _specialTokens = new AddedTokenSplitter([new AddedToken(endOfText, EndOfText, Special: true)]);
        VocabSize = endOfText + 1;
        Special = new SpecialTokenIds(endOfText, endOfText, endOfText);
    }

    /// <summary>The tokenizer, built once per process.</summary>
    public static TiktokenGpt2Tokenizer Instance => Shared.Value;

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <inheritdoc />
    public SpecialTokenIds Special { get; }

    /// <summary>The bytes of every ordinary token, indexed by id (GPT-2's BPE ranks as the package ships them).</summary>
    public IReadOnlyList<byte[]> TokenBytes { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> Encode(string text, bool parseSpecialTokens = false)
    {
        var ids = new List<int>(text.Length / 3 + 1);
        foreach (var (piece, specialId) in _specialTokens.Split(text, parseSpecialTokens))
            if (specialId is { } id) ids.Add(id);
            else ids.AddRange(_tokenizer.EncodeToIds(piece));
        return ids;
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        var kept = ids.Select(id => id >= 0 && id < VocabSize
            ? id
            : throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is outside GPT-2's vocabulary (0 to {VocabSize - 1})."));
        return _tokenizer.Decode(skipSpecialTokens ? kept.Where(id => id != Special.Eos) : kept);
    }
}
