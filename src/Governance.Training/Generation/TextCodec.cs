namespace Governance.Training.Generation;

/// <summary>
/// How text becomes token ids and back, as two delegates so that any tokenizer fits:
/// <c>new TextCodec(tokenizer.EncodeToIds, tokenizer.Decode)</c>.
/// </summary>
public sealed record TextCodec(Func<string, IReadOnlyList<int>> Encode, Func<IReadOnlyList<int>, string> Decode);
