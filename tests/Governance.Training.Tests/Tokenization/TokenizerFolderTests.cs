using System.Text.Json.Nodes;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Loading;

namespace Governance.Training.Tests.Tokenization;

public sealed class TokenizerFolderTests
{
    private const string QwenPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    [Fact]
    public void A_Qwen2_pipeline_normalizes_to_NFC_and_splits_with_its_own_pattern()
    {
        using var folder = Gpt2Variant(json =>
        {
            json["normalizer"] = JsonNode.Parse("""{"type": "NFC"}""");
            json["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = QwenPattern }, ["behavior"] = "Isolated", ["invert"] = false },
                    JsonNode.Parse("""{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false}""")),
            };
        });

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        string[] qwenWords = ["Café", " ", "2", "0", "2", "6", "\n\n", "ok"];
        Assert.Equal(qwenWords.SelectMany(word => Gpt2Tokenizers.Reference.Encode(word)), tokenizer.Encode("Cafe\u0301 2026\n\nok"));
    }

    [Fact]
    public void A_SmolLM2_pipeline_isolates_each_digit_before_the_byte_level_split()
    {
        using var folder = Gpt2Variant(json => json["pre_tokenizer"] = JsonNode.Parse(
            """{"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": true}, {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true}]}"""));

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        var ids = tokenizer.Encode("year 2026");
        Assert.Equal(["year", " ", "2", "0", "2", "6"], ids.Select(id => tokenizer.Decode([id])));
    }

    [Fact]
    public void A_TinyLlama_style_SentencePiece_tokenizer_merges_pieces_and_falls_back_to_bytes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("tokenizer.json"), SentencePieceTokenizerJson().ToJsonString());
        File.WriteAllText(folder.File("tokenizer_config.json"), """{"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}""");

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;
        var ids = tokenizer.Encode("<s>Hello world é", parseSpecialTokens: true);

        const int piece = 3 + 256; // after <unk>, <s>, </s> and the 256 byte tokens
        Assert.Equal([1, piece + 12, piece + 17, piece, 3 + 0xC3, 3 + 0xA9], ids); // <s> ▁Hello ▁world ▁ <0xC3> <0xA9>
        Assert.Equal("<s> Hello world é", tokenizer.Decode(ids)); // as Hugging Face decodes it: only a leading space is stripped

        Assert.Equal("Hello world é", tokenizer.Decode(tokenizer.Encode("Hello world é")));
        Assert.Equal(new SpecialTokenIds(1, 2, null, PrependBos: true), tokenizer.Special);
    }

    [Fact]
    public void A_Metaspace_pre_tokenizer_encodes_as_the_Prepend_and_Replace_normalizers_do()
    {
        using var folder = new TempFolder();
        var json = SentencePieceTokenizerJson();
        json["normalizer"] = null;
        json["pre_tokenizer"] = JsonNode.Parse("""{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}""");
        json["decoder"] = JsonNode.Parse("""{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}""");
        File.WriteAllText(folder.File("tokenizer.json"), json.ToJsonString());

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        const int piece = 3 + 256;
        Assert.Equal([piece + 12, piece + 17, piece, 3 + 0xC3, 3 + 0xA9], tokenizer.Encode("Hello world é"));
        Assert.Equal("Hello world é", tokenizer.Decode(tokenizer.Encode("Hello world é")));
    }

    [Fact]
    public void Add_prefix_space_encodes_a_first_word_as_if_a_space_came_before_it()
    {
        using var folder = Gpt2Variant(json => json["pre_tokenizer"] = JsonNode.Parse(
            """{"type": "ByteLevel", "add_prefix_space": true, "use_regex": true}"""));

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        Assert.Equal(Gpt2Tokenizers.Reference.Encode(" Hello world"), tokenizer.Encode("Hello world"));
    }

    [Fact]
    public void Tokenizer_config_names_special_tokens_as_objects_and_adds_tokens_of_its_own()
    {
        using var folder = Gpt2Variant(_ => { });
        File.WriteAllText(folder.File("tokenizer_config.json"), """
            {"eos_token": {"__type": "AddedToken", "content": "<|endoftext|>"}, "bos_token": null, "add_bos_token": false,
             "added_tokens_decoder": {"50257": {"content": "<|im_start|>", "special": true}, "50258": {"content": "<tool>", "special": false}}}
            """);

        var tokenizer = TokenizerFolder.Load(folder.Path).Tokenizer;

        Assert.Equal(new SpecialTokenIds(null, 50256, null), tokenizer.Special);
        Assert.Equal(50259, tokenizer.VocabSize);
        Assert.Equal([50257, 50258], tokenizer.Encode("<|im_start|><tool>", parseSpecialTokens: true));
        Assert.Contains(50258, tokenizer.Encode("<|im_start|><tool>")); // a plain added token always matches whole
        Assert.DoesNotContain(50257, tokenizer.Encode("<|im_start|><tool>"));
    }

    [Theory]
    [InlineData("model", """{"type": "WordPiece", "vocab": {}}""", "model.type 'WordPiece' is not supported")]
    [InlineData("normalizer", """{"type": "BertNormalizer"}""", "normalizer.type 'BertNormalizer' is not supported")]
    [InlineData("pre_tokenizer", """{"type": "Whitespace"}""", "pre_tokenizer.type 'Whitespace' is not supported")]
    [InlineData("pre_tokenizer", """{"type": "Split", "pattern": {"Regex": "a"}, "behavior": "Removed"}""", "pre_tokenizer.behavior")]
    [InlineData("pre_tokenizer", """{"type": "Split", "pattern": {"Regex": "(?<=a"}, "behavior": "Isolated"}""", "pre_tokenizer.pattern.Regex")]
    [InlineData("decoder", """{"type": "WordPiece"}""", "decoder.type 'WordPiece' is not supported")]
    public void An_unsupported_part_is_refused_naming_the_file_and_the_field(string field, string json, string expected)
    {
        using var folder = Gpt2Variant(root => root[field] = JsonNode.Parse(json));

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFolder.Load(folder.Path));

        Assert.Contains(folder.File("tokenizer.json"), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_merge_of_tokens_missing_from_the_vocab_is_refused_naming_its_index()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("vocab.json"), """{"a": 0, "b": 1, "ab": 2}""");
        File.WriteAllLines(folder.File("merges.txt"), ["#version: 0.2", "a b", "ab c"]);

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFolder.Load(folder.Path));

        Assert.Contains($"{folder.File("vocab.json")}: merges[1]", error.Message);
    }

    [Fact]
    public void A_folder_without_tokenizer_files_is_refused_naming_what_to_add()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => TokenizerFolder.Load(folder.Path));

        Assert.Contains("tokenizer.json", error.Message);
        Assert.Contains("vocab.json with merges.txt", error.Message);
    }

    private static TempFolder Gpt2Variant(Action<JsonNode> change)
    {
        var folder = new TempFolder();
        Gpt2TokenizerFiles.WriteTokenizerJson(folder.Path);
        var json = JsonNode.Parse(File.ReadAllText(folder.File("tokenizer.json")))!;
        change(json);
        File.WriteAllText(folder.File("tokenizer.json"), json.ToJsonString());
        return folder;
    }

    /// <summary>Llama-2's layout in miniature: '▁' for spaces, byte fallback tokens, a TemplateProcessing that adds &lt;s&gt;.</summary>
    private static JsonObject SentencePieceTokenizerJson()
    {
        var vocab = new JsonObject { ["<unk>"] = 0, ["<s>"] = 1, ["</s>"] = 2 };
        for (var b = 0; b < 256; b++) vocab[$"<0x{b:X2}>"] = 3 + b;
        string[] pieces = ["▁", "H", "e", "l", "o", "w", "r", "d", "▁H", "el", "ell", "ello", "▁Hello", "▁w", "or", "▁wor", "▁worl", "▁world"];
        foreach (var piece in pieces) vocab[piece] = vocab.Count;
        string[] merges = ["▁ H", "e l", "el l", "ell o", "▁H ello", "▁ w", "o r", "▁w or", "▁wor l", "▁worl d"];
        JsonNode Special(int id, string content) => new JsonObject
        {
            ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
            ["normalized"] = false, ["special"] = true,
        };
        return new JsonObject
        {
            ["added_tokens"] = new JsonArray(Special(0, "<unk>"), Special(1, "<s>"), Special(2, "</s>")),
            ["normalizer"] = JsonNode.Parse("""{"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "▁"}, {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]}"""),
            ["pre_tokenizer"] = null,
            ["post_processor"] = JsonNode.Parse("""{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}], "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}], "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}}"""),
            ["decoder"] = JsonNode.Parse("""{"type": "Sequence", "decoders": [{"type": "Replace", "pattern": {"String": "▁"}, "content": " "}, {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]}"""),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["unk_token"] = "<unk>", ["fuse_unk"] = true, ["byte_fallback"] = true,
                ["vocab"] = vocab, ["merges"] = new JsonArray(merges.Select(m => (JsonNode)m!).ToArray()),
            },
        };
    }
}
