using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Loading;

/// <summary>What any BPE source (tokenizer.json, vocab.json + merges.txt) provides, checked and built in one place.</summary>
internal sealed record BpeParts(
    string File,
    IReadOnlyDictionary<string, int> Vocab,
    IReadOnlyList<(string Left, string Right)> Merges,
    IReadOnlyList<AddedToken> AddedTokens,
    Func<string, string> Normalize,
    IPreTokenizer PreTokenizer,
    bool ByteLevel,
    bool StripLeadingSpace,
    string? UnknownToken = null,
    bool ByteFallback = false,
    bool IgnoreMerges = false,
    int? PrependedBosId = null)
{
    public BpeTokenizer Build(SpecialTokenNames names)
    {
        var size = Math.Max(Vocab.Values.DefaultIfEmpty(-1).Max(), AddedTokens.Select(t => t.Id).DefaultIfEmpty(-1).Max()) + 1;
        var model = new BpeModel(Vocab, ResolveMerges(), UnknownId(), ByteFallbackIds(), IgnoreMerges);
        var bytes = ByteLevel
            ? TokenBytes.ByteLevel(Vocab, AddedTokens, size)
            : TokenBytes.Metaspace(Vocab, AddedTokens, size, '▁', StripLeadingSpace);
        var special = new SpecialTokenIds(Id(names.Bos, "bos_token"), Id(names.Eos, "eos_token"), Id(names.Pad, "pad_token"));
        special = special with { PrependBos = special.Bos is { } bos && (names.AddBosToken ?? bos == PrependedBosId) };
        return new BpeTokenizer(model, new AddedTokenSplitter(AddedTokens), Normalize, PreTokenizer, ByteLevel, bytes, size, special);
    }

    private List<(int, int, int)> ResolveMerges()
    {
        var resolved = new List<(int, int, int)>(Merges.Count);
        for (var i = 0; i < Merges.Count; i++)
        {
            var (left, right) = Merges[i];
            if (!Vocab.TryGetValue(left, out var leftId) || !Vocab.TryGetValue(right, out var rightId) ||
                !Vocab.TryGetValue(left + right, out var mergedId))
                throw TokenizerFault.In(File, $"merges[{i}]", $"('{left}' '{right}') uses or makes a token missing from the vocab.");
            resolved.Add((leftId, rightId, mergedId));
        }
        return resolved;
    }

    private int? UnknownId() =>
        UnknownToken is null ? null
        : Vocab.TryGetValue(UnknownToken, out var id) ? id
        : throw TokenizerFault.In(File, "model.unk_token", $"'{UnknownToken}' is not in the vocab.");

    private int[]? ByteFallbackIds()
    {
        if (!ByteFallback) return null;
        var ids = new int[256];
        for (var b = 0; b < 256; b++)
            if (!Vocab.TryGetValue($"<0x{b:X2}>", out ids[b]))
                throw TokenizerFault.In(File, "model.byte_fallback", $"is true but the vocab lacks the token <0x{b:X2}>.");
        return ids;
    }

    /// <summary>The text of token <paramref name="id"/>, for configs that name special tokens by id.</summary>
    public string? TokenAt(int id) =>
        AddedTokens.FirstOrDefault(t => t.Id == id)?.Content ?? Vocab.FirstOrDefault(pair => pair.Value == id).Key;

    private int? Id(string? token, string field) =>
        token is null ? null
        : AddedTokens.FirstOrDefault(t => t.Content == token) is { } added ? added.Id
        : Vocab.TryGetValue(token, out var id) ? id
        : throw TokenizerFault.In(File, field, $"'{token}' is neither an added token nor in the vocab.");
}
