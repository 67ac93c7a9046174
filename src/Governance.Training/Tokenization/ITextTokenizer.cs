namespace Governance.Training.Tokenization;

/// <summary>Turns text into token ids and back; what training, generation and the built-in base model share.</summary>
public interface ITextTokenizer
{
    /// <summary>The number of ids the model's embedding must cover (the largest id plus one).</summary>
    int VocabSize { get; }

    /// <summary>The ids of the beginning, end and padding tokens, each absent when the tokenizer has none.</summary>
    SpecialTokenIds Special { get; }

    /// <summary>
    /// The ids of <paramref name="text"/>. Special tokens written in the text (such as <c>&lt;|im_start|&gt;</c>) become
    /// their ids only when <paramref name="parseSpecialTokens"/> is set, so user data cannot forge them. Beginning and
    /// end tokens are never added here: <see cref="SpecialTokenIds.PrependBos"/> tells callers when the model expects one.
    /// </summary>
    IReadOnlyList<int> Encode(string text, bool parseSpecialTokens = false);

    /// <summary>The text of <paramref name="ids"/>: the exact inverse of <see cref="Encode"/> for byte-level BPE.</summary>
    string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false);
}
