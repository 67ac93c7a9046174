namespace Governance.Training.Tokenization.Loading;

/// <summary>
/// Loads the tokenizer of a Hugging Face model folder: tokenizer.json when present, else GPT-2's vocab.json and
/// merges.txt; special tokens and the chat template come from tokenizer_config.json (config.json as fallback).
/// </summary>
public static class TokenizerFolder
{
    /// <summary>The tokenizer in <paramref name="folder"/>; every fault names the file and the field to fix.</summary>
    public static PretrainedTokenizer Load(string folder)
    {
        var parts = ReadParts(folder);
        var (names, configAdded) = TokenizerConfigFiles.Read(folder, parts);
        var added = parts.AddedTokens.Concat(configAdded).Concat(NamedSpecialTokens(parts, names))
            .DistinctBy(token => token.Id).ToList();
        return new PretrainedTokenizer(
            (parts with { AddedTokens = added }).Build(names), names.ChatTemplate,
            Path.Combine(folder, TokenizerConfigFiles.TokenizerConfigName));
    }

    /// <summary>
    /// Named special tokens are matched whole like added tokens, as transformers registers them; the classic GPT-2
    /// layout lists them only in the vocab.
    /// </summary>
    private static IEnumerable<AddedToken> NamedSpecialTokens(BpeParts parts, SpecialTokenNames names) =>
        new[] { names.Bos, names.Eos, names.Pad }.OfType<string>()
            .Where(token => parts.Vocab.ContainsKey(token) && parts.AddedTokens.All(added => added.Content != token))
            .Select(token => new AddedToken(parts.Vocab[token], token, Special: true));

    private static BpeParts ReadParts(string folder)
    {
        var tokenizerJson = Path.Combine(folder, TokenizerJsonFile.Name);
        if (File.Exists(tokenizerJson)) return TokenizerJsonFile.Read(tokenizerJson);
        var (vocab, merges) = (Path.Combine(folder, Gpt2VocabFiles.VocabName), Path.Combine(folder, Gpt2VocabFiles.MergesName));
        if (File.Exists(vocab) && File.Exists(merges)) return Gpt2VocabFiles.Read(vocab, merges);
        throw new FileNotFoundException(
            $"{folder}: has no {TokenizerJsonFile.Name}, nor {Gpt2VocabFiles.VocabName} with {Gpt2VocabFiles.MergesName}; copy the model's tokenizer files there.");
    }
}
