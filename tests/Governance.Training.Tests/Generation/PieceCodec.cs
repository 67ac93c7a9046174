using Governance.Training.Generation;

namespace Governance.Training.Tests.Generation;

/// <summary>A codec whose every token is two characters ("a0" to "e9" for ids 0 to 49), so texts cut inside tokens are easy to make.</summary>
public static class PieceCodec
{
    public static readonly TextCodec Codec = new(Encode, Decode);

    private static string Piece(int id) => $"{(char)('a' + id / 10)}{(char)('0' + id % 10)}";

    private static IReadOnlyList<int> Encode(string text) =>
        [.. text.Chunk(2).Select(piece => (piece[0] - 'a') * 10 + (piece[1] - '0'))];

    private static string Decode(IReadOnlyList<int> ids) => string.Concat(ids.Select(Piece));
}
