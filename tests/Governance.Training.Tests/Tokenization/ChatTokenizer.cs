using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Chat;
using Governance.Training.Tokenization.Loading;
using Governance.Training.Tokenization.Training;

namespace Governance.Training.Tests.Tokenization;

/// <summary>A small trained tokenizer with ChatML's special tokens, loaded back from its folder.</summary>
public sealed class ChatTokenizer : IDisposable
{
    private readonly TempFolder _folder = new();

    public ChatTokenizer()
    {
        var corpus = DomainCorpus.Lines(500, seed: 3).Append("Hi! How are you? Fine, thanks. Be brief.");
        BpeTrainer.Train(corpus, new BpeTrainerSettings(400, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]))
            .Save(_folder.Path, new TokenizerConfigSettings(null, "<|im_end|>", "<|endoftext|>", new ChatMlTemplate().Jinja, 256));
        Loaded = TokenizerFolder.Load(_folder.Path);
    }

    public PretrainedTokenizer Loaded { get; }

    public ITextTokenizer Tokenizer => Loaded.Tokenizer;

    public void Dispose() => _folder.Dispose();
}
