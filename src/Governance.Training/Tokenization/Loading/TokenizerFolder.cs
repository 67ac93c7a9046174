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
        var known = parts.AddedTokens.Select(t => t.Id).ToHashSet();
        parts = parts with { AddedTokens = [.. parts.AddedTokens, .. configAdded.Where(t => !known.Contains(t.Id))] };
        if (!parts.ByteLevel || parts.AddedTokens.Count > 0 || names.Eos is null)
            return Loaded(parts, names, folder);
        // The classic GPT-2 layout lists its special tokens only in the vocab; match them whole like added tokens.
        var specials = new[] { names.Bos, names.Eos, names.Pad }.OfType<string>().Distinct()
            .Where(parts.Vocab.ContainsKey).Select(t => new AddedToken(parts.Vocab[t], t, Special: true)).ToList();
        return Loaded(parts with { AddedTokens = specials }, names, folder);
    }

    private static PretrainedTokenizer Loaded(BpeParts parts, SpecialTokenNames names, string folder) =>
        new(parts.Build(names), names.ChatTemplate, Path.Combine(folder, TokenizerConfigFiles.TokenizerConfigName));

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
