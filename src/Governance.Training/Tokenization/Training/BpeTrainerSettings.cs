namespace Governance.Training.Tokenization.Training;

/// <summary>How to train a byte-level BPE tokenizer.</summary>
/// <param name="VocabSize">Tokens wanted in all: special tokens, the 256 bytes, then merges until this size.</param>
/// <param name="SpecialTokens">Added tokens, given the first ids in this order (e.g. <c>&lt;|endoftext|&gt;</c>).</param>
/// <param name="MinFrequency">A pair seen fewer times than this in the corpus is never merged.</param>
public sealed record BpeTrainerSettings(int VocabSize, IReadOnlyList<string> SpecialTokens, int MinFrequency = 2)
{
    /// <summary>The ids the special tokens and the byte alphabet take before any merge.</summary>
    public int BaseSize => SpecialTokens.Count + 256;
}
