using Microsoft.ML.Tokenizers;

namespace Governance.Core.Datasets.Preprocessing;

/// <summary>Token counts with GPT-2's byte-level BPE (the vocabulary ships in a package: no download).</summary>
public static class GptTokens
{
    private static readonly Lazy<TiktokenTokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt2"));

    /// <summary>How many GPT-2 tokens <paramref name="text"/> encodes to.</summary>
    public static int Count(string text) => Tokenizer.Value.CountTokens(text);
}
