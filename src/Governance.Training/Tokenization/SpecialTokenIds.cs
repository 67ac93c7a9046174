namespace Governance.Training.Tokenization;

/// <summary>The named special tokens of a tokenizer; an id is null when the tokenizer has no such token.</summary>
/// <param name="Bos">Beginning of sequence.</param>
/// <param name="Eos">End of sequence, also the end of an assistant turn for templates without their own marker.</param>
/// <param name="Pad">Padding; batches may pad with <paramref name="Eos"/> when this is absent.</param>
/// <param name="PrependBos">Whether the model was trained with <paramref name="Bos"/> before every sequence.</param>
public sealed record SpecialTokenIds(int? Bos, int? Eos, int? Pad, bool PrependBos = false)
{
    /// <summary>A tokenizer without named special tokens.</summary>
    public static SpecialTokenIds None { get; } = new(null, null, null);
}
