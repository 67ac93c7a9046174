using System.Text;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Chat;
using Governance.Training.Tokenization.Loading;
using Governance.Training.Tokenization.Training;

namespace Governance.Training.Tests.Tokenization;

public sealed class BpeTrainerTests
{
    private static readonly BpeTrainerSettings Settings = new(600, ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|pad|>"]);
    private static readonly TokenizerConfigSettings Config = new("<|endoftext|>", "<|endoftext|>", "<|pad|>", new ChatMlTemplate().Jinja, 256);
    private static readonly string[] Corpus = DomainCorpus.Lines(3000, seed: 1).ToArray();

    [Theory]
    [MemberData(nameof(TokenizerSamples.Varied), MemberType = typeof(TokenizerSamples))]
    public void A_trained_tokenizer_gives_back_any_text_exactly(string text)
    {
        using var folder = new TempFolder();
        BpeTrainer.Train(Corpus, Settings).Save(folder.Path, Config);

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void Training_twice_on_one_corpus_writes_identical_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        BpeTrainer.Train(Corpus, Settings).Save(first.Path, Config);
        BpeTrainer.Train(Corpus, Settings).Save(second.Path, Config);

        Assert.Equal(File.ReadAllBytes(first.File("tokenizer.json")), File.ReadAllBytes(second.File("tokenizer.json")));
        Assert.Equal(File.ReadAllBytes(first.File("tokenizer_config.json")), File.ReadAllBytes(second.File("tokenizer_config.json")));
    }

    [Fact]
    public void The_loaded_tokenizer_gives_the_ids_training_gave_its_corpus()
    {
        using var folder = new TempFolder();
        var trained = BpeTrainer.Train(Corpus, Settings);
        trained.Save(folder.Path, Config);

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        Assert.Equal(Settings.VocabSize, tokenizer.VocabSize);
        foreach (var line in Corpus.Take(500))
            Assert.Equal(trained.EncodeCorpusLine(line), tokenizer.Encode(line));
    }

    [Fact]
    public void It_compresses_unseen_text_of_its_domain_to_under_a_third_of_the_bytes()
    {
        using var folder = new TempFolder();
        BpeTrainer.Train(Corpus, Settings).Save(folder.Path, Config);
        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;
        var unseen = string.Join('\n', DomainCorpus.Lines(200, seed: 2));

        var tokensPerByte = (double)tokenizer.Encode(unseen).Count / Encoding.UTF8.GetByteCount(unseen);

        Assert.InRange(tokensPerByte, 0, 1.0 / 3);
    }

    [Fact]
    public void Special_tokens_take_the_first_ids_and_the_config_names_them()
    {
        using var folder = new TempFolder();
        BpeTrainer.Train(Corpus, Settings).Save(folder.Path, Config);

        var loaded = TokenizerFolder.Load(folder.Path);

        Assert.Equal(new SpecialTokenIds(0, 0, 3), loaded.Tokenizer.Special);
        // Hugging Face tokenizers renumbers an added token missing from the model's vocab, so it must be there too.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(folder.File("tokenizer.json")))!;
        Assert.Equal(3, (int)json["model"]!["vocab"]!["<|pad|>"]!);
        Assert.Equal([1], loaded.Tokenizer.Encode("<|im_start|>", parseSpecialTokens: true));
        Assert.Equal("chatml", ChatTemplates.For(loaded).Name);
    }

    [Fact]
    public void Pairs_rarer_than_the_minimum_frequency_are_never_merged()
    {
        var trained = BpeTrainer.Train(["ab ab cd"], new BpeTrainerSettings(300, [], MinFrequency: 2));

        Assert.Equal([("a", "b")], trained.Vocabulary.Merges);
    }

    [Fact]
    public void Equally_frequent_pairs_merge_in_the_order_of_their_tokens()
    {
        var trained = BpeTrainer.Train(["xy", "ab", "mn"], new BpeTrainerSettings(259, [], MinFrequency: 1));

        Assert.Equal([("a", "b"), ("m", "n"), ("x", "y")], trained.Vocabulary.Merges);
    }

    [Fact]
    public void A_vocabulary_smaller_than_the_byte_alphabet_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => BpeTrainer.Train(Corpus, new BpeTrainerSettings(200, ["<|endoftext|>"])));

        Assert.Contains("VocabSize 200", error.Message);
    }
}
