using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Loading;

namespace Governance.Training.Tests.Tokenization;

/// <summary>GPT-2's tokenizer loaded from both folder layouts, built once for all tests that compare them.</summary>
public sealed class Gpt2Tokenizers : IDisposable
{
    private readonly TempFolder _json = new();
    private readonly TempFolder _classic = new();

    public Gpt2Tokenizers()
    {
        Gpt2TokenizerFiles.WriteTokenizerJson(_json.Path);
        Gpt2TokenizerFiles.WriteVocabAndMerges(_classic.Path);
        FromTokenizerJson = TokenizerFolder.Load(_json.Path).Tokenizer;
        FromVocabAndMerges = TokenizerFolder.Load(_classic.Path).Tokenizer;
    }

    public ITextTokenizer FromTokenizerJson { get; }

    public ITextTokenizer FromVocabAndMerges { get; }

    public static ITextTokenizer Reference => TiktokenGpt2Tokenizer.Instance;

    public void Dispose()
    {
        _json.Dispose();
        _classic.Dispose();
    }
}
