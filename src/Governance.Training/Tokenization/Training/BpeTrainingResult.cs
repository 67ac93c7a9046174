using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Training;

/// <summary>A trained byte-level BPE tokenizer and how training split each word of its corpus.</summary>
public sealed class BpeTrainingResult
{
    private readonly IReadOnlyDictionary<string, int[]> _trainedWords;

    internal BpeTrainingResult(ByteLevelBpeVocabulary vocabulary, IReadOnlyDictionary<string, int[]> trainedWords) =>
        (Vocabulary, _trainedWords) = (vocabulary, trainedWords);

    /// <summary>The tokens, merges and special tokens.</summary>
    public ByteLevelBpeVocabulary Vocabulary { get; }

    /// <summary>
    /// The ids training itself gave a corpus line, word by word; a loaded tokenizer must give the same.
    /// Throws for a word the corpus did not hold.
    /// </summary>
    public IReadOnlyList<int> EncodeCorpusLine(string line) =>
        RegexPreTokenizer.Gpt2.Split(line).SelectMany(word => _trainedWords.TryGetValue(ByteLevelAlphabet.Encode(word), out var ids)
            ? ids
            : throw new ArgumentException($"'{word}' is not a word of the training corpus.", nameof(line))).ToList();

    /// <summary>Writes tokenizer.json and tokenizer_config.json into <paramref name="folder"/>.</summary>
    public void Save(string folder, TokenizerConfigSettings config) => TokenizerJsonWriter.Write(folder, Vocabulary, config);
}
