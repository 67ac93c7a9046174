using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Training.Tokenization.Loading;

namespace Governance.Training.Tokenization.Training;

/// <summary>
/// Writes a byte-level BPE tokenizer as Hugging Face does for GPT-2: tokenizer.json (ByteLevel pre-tokenizer with
/// GPT-2's pattern, BPE model, ByteLevel decoder) and tokenizer_config.json, readable by
/// <see cref="TokenizerFolder"/> and by the tokenizers and transformers libraries.
/// </summary>
public static class TokenizerJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes both files into <paramref name="folder"/>, replacing any there.</summary>
    public static void Write(string folder, ByteLevelBpeVocabulary bpe, TokenizerConfigSettings config)
    {
        Directory.CreateDirectory(folder);
        WriteJson(Path.Combine(folder, TokenizerJsonFile.Name), json => WriteTokenizer(json, bpe));
        WriteJson(Path.Combine(folder, TokenizerConfigFiles.TokenizerConfigName), json => WriteConfig(json, bpe, config));
    }

    private static void WriteJson(string file, Action<Utf8JsonWriter> write)
    {
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, Options);
        write(json);
    }

    private static void WriteTokenizer(Utf8JsonWriter json, ByteLevelBpeVocabulary bpe)
    {
        json.WriteStartObject();
        json.WriteString("version", "1.0");
        json.WriteNull("truncation");
        json.WriteNull("padding");
        json.WriteStartArray("added_tokens");
        foreach (var token in bpe.AddedTokens) WriteAddedToken(json, token, withId: true);
        json.WriteEndArray();
        json.WriteNull("normalizer");
        WriteByteLevel(json, "pre_tokenizer", trimOffsets: true);
        WriteByteLevel(json, "post_processor", trimOffsets: false);
        WriteByteLevel(json, "decoder", trimOffsets: true);
        json.WriteStartObject("model");
        json.WriteString("type", "BPE");
        json.WriteNull("dropout");
        json.WriteNull("unk_token");
        json.WriteNull("continuing_subword_prefix");
        json.WriteNull("end_of_word_suffix");
        json.WriteBoolean("fuse_unk", false);
        json.WriteBoolean("byte_fallback", false);
        json.WriteBoolean("ignore_merges", false);
        json.WriteStartObject("vocab");
        foreach (var (token, id) in bpe.Vocab.OrderBy(pair => pair.Value)) json.WriteNumber(token, id);
        json.WriteEndObject();
        json.WriteStartArray("merges");
        foreach (var (left, right) in bpe.Merges) json.WriteStringValue($"{left} {right}");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>An added token; transformers' added_tokens_decoder keys it by id and refuses an id field inside.</summary>
    private static void WriteAddedToken(Utf8JsonWriter json, AddedToken token, bool withId)
    {
        json.WriteStartObject();
        if (withId) json.WriteNumber("id", token.Id);
        json.WriteString("content", token.Content);
        json.WriteBoolean("single_word", false);
        json.WriteBoolean("lstrip", false);
        json.WriteBoolean("rstrip", false);
        json.WriteBoolean("normalized", false);
        json.WriteBoolean("special", token.Special);
        json.WriteEndObject();
    }

    private static void WriteByteLevel(Utf8JsonWriter json, string name, bool trimOffsets)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", false);
        json.WriteBoolean("trim_offsets", trimOffsets);
        json.WriteBoolean("use_regex", true);
        json.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter json, ByteLevelBpeVocabulary bpe, TokenizerConfigSettings config)
    {
        json.WriteStartObject();
        json.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
        json.WriteBoolean("add_bos_token", false);
        json.WriteBoolean("add_prefix_space", false);
        json.WriteBoolean("clean_up_tokenization_spaces", false);
        json.WriteNumber("model_max_length", config.ModelMaxLength);
        WriteOptional(json, "bos_token", config.Bos);
        WriteOptional(json, "eos_token", config.Eos);
        WriteOptional(json, "pad_token", config.Pad);
        WriteOptional(json, "chat_template", config.ChatTemplate);
        json.WriteStartObject("added_tokens_decoder");
        foreach (var token in bpe.AddedTokens)
        {
            json.WritePropertyName(token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteAddedToken(json, token, withId: false);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
