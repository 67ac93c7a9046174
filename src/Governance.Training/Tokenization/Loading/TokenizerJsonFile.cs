using System.Text.Json;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads a Hugging Face tokenizer.json whose model is BPE (byte-level or SentencePiece-style).</summary>
internal static class TokenizerJsonFile
{
    public const string Name = "tokenizer.json";

    public static BpeParts Read(string file)
    {
        using var document = Json.Parse(file);
        var root = document.RootElement;
        var model = Json.Property(root, "model");
        if (model.ValueKind != JsonValueKind.Object) throw TokenizerFault.In(file, "model", "is missing.");
        var type = Json.OptionalString(model, "type") ?? "BPE";
        if (type != "BPE") throw TokenizerFault.In(file, "model.type", $"'{type}' is not supported (only BPE is).");
        RefuseUnsupportedOptions(model, file);
        var (preTokenizer, byteLevel) = TokenizerJsonPreTokenizer.Read(Json.Property(root, "pre_tokenizer"), file, "pre_tokenizer");
        var decoder = Json.Property(root, "decoder");
        byteLevel |= decoder.ValueKind == JsonValueKind.Object && Json.OptionalString(decoder, "type") == "ByteLevel";
        return new BpeParts(
            file,
            Vocab(model, file),
            Merges(model, file),
            AddedTokens(root, file),
            TokenizerJsonNormalizer.Read(Json.Property(root, "normalizer"), file, "normalizer"),
            preTokenizer,
            byteLevel,
            TokenizerJsonDecoder.StripsLeadingSpace(decoder, file, "decoder"),
            Json.OptionalString(model, "unk_token"),
            Json.Bool(model, "byte_fallback", false),
            Json.Bool(model, "ignore_merges", false),
            PrependedSpecialTokenId(Json.Property(root, "post_processor")));
    }

    private static void RefuseUnsupportedOptions(JsonElement model, string file)
    {
        if (Json.Property(model, "dropout") is { ValueKind: JsonValueKind.Number } dropout && dropout.GetDouble() > 0)
            throw TokenizerFault.In(file, "model.dropout", "is set; BPE dropout is for training tokenizers, not for encoding.");
        foreach (var name in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
            if (Json.OptionalString(model, name) is { Length: > 0 })
                throw TokenizerFault.In(file, $"model.{name}", "is set; only byte-level and SentencePiece-style BPE are supported.");
    }

    private static Dictionary<string, int> Vocab(JsonElement model, string file)
    {
        var vocab = Json.Property(model, "vocab");
        if (vocab.ValueKind != JsonValueKind.Object) throw TokenizerFault.In(file, "model.vocab", "is missing or not an object.");
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
            result[entry.Name] = entry.Value.TryGetInt32(out var id) && id >= 0
                ? id
                : throw TokenizerFault.In(file, $"model.vocab[\"{entry.Name}\"]", "is not a non-negative integer id.");
        return result;
    }

    private static List<(string, string)> Merges(JsonElement model, string file)
    {
        var merges = new List<(string, string)>();
        var index = 0;
        foreach (var merge in Json.Array(model, "merges", file, "model"))
        {
            merges.Add(merge.ValueKind switch
            {
                JsonValueKind.String when merge.GetString()!.Split(' ', 2) is [var left, var right] => (left, right),
                JsonValueKind.Array when merge.GetArrayLength() == 2 && merge[0].ValueKind == JsonValueKind.String &&
                                         merge[1].ValueKind == JsonValueKind.String => (merge[0].GetString()!, merge[1].GetString()!),
                _ => throw TokenizerFault.In(file, $"model.merges[{index}]", "is neither \"left right\" nor [left, right]."),
            });
            index++;
        }
        return merges;
    }

    private static List<AddedToken> AddedTokens(JsonElement root, string file)
    {
        var added = Json.Property(root, "added_tokens");
        if (added.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return [];
        if (added.ValueKind != JsonValueKind.Array) throw TokenizerFault.In(file, "added_tokens", "is not an array.");
        return added.EnumerateArray().Select((token, i) => new AddedToken(
            Json.Int(token, "id", file, $"added_tokens[{i}]"),
            Json.String(token, "content", file, $"added_tokens[{i}]"),
            Json.Bool(token, "special", false))).ToList();
    }

    /// <summary>The id a TemplateProcessing post-processor puts before every single sequence, if any.</summary>
    private static int? PrependedSpecialTokenId(JsonElement processor)
    {
        if (Json.OptionalString(processor, "type") != "TemplateProcessing") return null;
        var single = Json.Property(processor, "single");
        if (single.ValueKind != JsonValueKind.Array || single.GetArrayLength() == 0) return null;
        var first = Json.Property(single[0], "SpecialToken");
        var name = Json.OptionalString(first, "id");
        var tokens = Json.Property(Json.Property(processor, "special_tokens"), name ?? "");
        return Json.Property(tokens, "ids") is { ValueKind: JsonValueKind.Array } ids && ids.GetArrayLength() == 1 &&
               ids[0].TryGetInt32(out var id) ? id : null;
    }
}
