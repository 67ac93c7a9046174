using System.Globalization;
using System.Text;

namespace Governance.Training.Tokenization.Bpe;

/// <summary>The bytes each id stands for, which decoding concatenates before reading them as UTF-8.</summary>
internal sealed class TokenBytes
{
    private readonly byte[][] _bytes;
    private readonly bool[] _special;
    private readonly bool _stripLeadingSpace;

    private TokenBytes(byte[][] bytes, bool[] special, bool stripLeadingSpace) =>
        (_bytes, _special, _stripLeadingSpace) = (bytes, special, stripLeadingSpace);

    /// <summary>Byte-level tokens: each character of a vocabulary token is one byte of GPT-2's alphabet.</summary>
    public static TokenBytes ByteLevel(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<AddedToken> added, int size) =>
        Build(vocab, added, size, token => ByteLevelAlphabet.TryDecode(token) ?? Encoding.UTF8.GetBytes(token), false);

    /// <summary>SentencePiece tokens: '▁' is a space, <c>&lt;0xNN&gt;</c> a raw byte.</summary>
    public static TokenBytes Metaspace(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<AddedToken> added, int size,
        char replacement, bool stripLeadingSpace) =>
        Build(vocab, added, size, token => ByteFallbackValue(token) is { } value
            ? [value]
            : Encoding.UTF8.GetBytes(token.Replace(replacement, ' ')), stripLeadingSpace);

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens)
    {
        var buffer = new List<byte>();
        foreach (var id in ids)
        {
            if (id < 0 || id >= _bytes.Length)
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is outside the vocabulary (0 to {_bytes.Length - 1}).");
            if (!(skipSpecialTokens && _special[id])) buffer.AddRange(_bytes[id]);
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return _stripLeadingSpace && text.StartsWith(' ') ? text[1..] : text;
    }

    /// <summary>The byte of a <c>&lt;0xNN&gt;</c> token, or null for any other token.</summary>
    public static byte? ByteFallbackValue(string token) =>
        token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>' &&
        byte.TryParse(token.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static TokenBytes Build(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<AddedToken> added, int size,
        Func<string, byte[]> bytesOf, bool stripLeadingSpace)
    {
        var bytes = new byte[size][];
        Array.Fill(bytes, []);
        var special = new bool[size];
        foreach (var (token, id) in vocab) bytes[id] = bytesOf(token);
        foreach (var token in added)
        {
            bytes[token.Id] = Encoding.UTF8.GetBytes(token.Content);
            special[token.Id] = token.Special;
        }
        return new TokenBytes(bytes, special, stripLeadingSpace);
    }
}
