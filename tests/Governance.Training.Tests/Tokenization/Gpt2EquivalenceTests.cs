using System.Text;
using System.Text.Json.Nodes;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Loading;
using Microsoft.ML.Tokenizers;

namespace Governance.Training.Tests.Tokenization;

public sealed class Gpt2EquivalenceTests(Gpt2Tokenizers gpt2) : IClassFixture<Gpt2Tokenizers>
{
    [Theory]
    [MemberData(nameof(TokenizerSamples.Varied), MemberType = typeof(TokenizerSamples))]
    public void Tokenizer_json_gives_the_ids_of_Microsoft_ML_Tokenizers(string text) =>
        Assert.Equal(Gpt2Tokenizers.Reference.Encode(text), gpt2.FromTokenizerJson.Encode(text));

    [Theory]
    [MemberData(nameof(TokenizerSamples.Varied), MemberType = typeof(TokenizerSamples))]
    public void Vocab_json_and_merges_txt_give_the_ids_of_Microsoft_ML_Tokenizers(string text) =>
        Assert.Equal(Gpt2Tokenizers.Reference.Encode(text), gpt2.FromVocabAndMerges.Encode(text));

    [Fact]
    public void Random_text_over_many_scripts_encodes_alike()
    {
        var random = new Random(7);
        for (var sample = 0; sample < 300; sample++)
        {
            var text = RandomText(random, random.Next(1, 80));
            Assert.Equal(Gpt2Tokenizers.Reference.Encode(text), gpt2.FromTokenizerJson.Encode(text));
        }
    }

    [Fact]
    public void The_wrapper_matches_the_packaged_gpt2_encoding()
    {
        var packaged = TiktokenTokenizer.CreateForModel("gpt2");
        foreach (var text in TokenizerSamples.All.Where(t => !t.Contains("<|endoftext|>")))
            Assert.Equal(packaged.EncodeToIds(text), Gpt2Tokenizers.Reference.Encode(text));
        Assert.Equal(packaged.EncodeToIds("a<|endoftext|>b"), Gpt2Tokenizers.Reference.Encode("a<|endoftext|>b", parseSpecialTokens: true));
    }

    [Fact]
    public void Merges_written_as_pairs_load_the_same_tokenizer()
    {
        using var folder = new TempFolder();
        Gpt2TokenizerFiles.WriteTokenizerJson(folder.Path);
        var json = JsonNode.Parse(File.ReadAllText(folder.File("tokenizer.json")))!;
        var merges = json["model"]!["merges"]!.AsArray();
        var pairs = new JsonArray(merges.Select(m => (JsonNode)new JsonArray(m!.GetValue<string>().Split(' ').Select(p => (JsonNode)p!).ToArray())).ToArray());
        json["model"]!["merges"] = pairs;
        File.WriteAllText(folder.File("tokenizer.json"), json.ToJsonString());

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        const string text = "Pairs of merges, [\"a\", \"b\"], read like \"a b\".";
        Assert.Equal(Gpt2Tokenizers.Reference.Encode(text), tokenizer.Encode(text));
    }

    [Theory]
    [MemberData(nameof(TokenizerSamples.Varied), MemberType = typeof(TokenizerSamples))]
    public void Decoding_gives_back_the_exact_text(string text)
    {
        Assert.Equal(text, gpt2.FromTokenizerJson.Decode(gpt2.FromTokenizerJson.Encode(text)));
        Assert.Equal(text, gpt2.FromVocabAndMerges.Decode(gpt2.FromVocabAndMerges.Encode(text)));
    }

    [Fact]
    public void Special_tokens_in_the_text_become_their_ids_only_when_asked()
    {
        foreach (var tokenizer in new[] { gpt2.FromTokenizerJson, gpt2.FromVocabAndMerges, Gpt2Tokenizers.Reference })
        {
            Assert.Equal([15496, 50256, 10603], tokenizer.Encode("Hello<|endoftext|>World", parseSpecialTokens: true));
            Assert.DoesNotContain(50256, tokenizer.Encode("Hello<|endoftext|>World"));
            Assert.Equal("Hello<|endoftext|>World", tokenizer.Decode(tokenizer.Encode("Hello<|endoftext|>World")));
            Assert.Equal("HelloWorld", tokenizer.Decode([15496, 50256, 10603], skipSpecialTokens: true));
            Assert.Equal(new SpecialTokenIds(50256, 50256, tokenizer.Special.Pad), tokenizer.Special);
            Assert.Equal(50257, tokenizer.VocabSize);
        }
    }

    private static string RandomText(Random random, int length)
    {
        (int From, int To)[] ranges = [(0x20, 0x7E), (0x20, 0x7E), (0x09, 0x0D), (0xA0, 0x24F), (0x370, 0x4FF), (0x4E00, 0x4FFF), (0x3040, 0x30FF), (0x1F300, 0x1F64F), (0x30, 0x39)];
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var (from, to) = ranges[random.Next(ranges.Length)];
            text.Append(char.ConvertFromUtf32(random.Next(from, to + 1)));
        }
        return text.ToString();
    }
}
