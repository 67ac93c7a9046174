using System.Text.Json;

namespace Governance.Training.Tokenization.Loading;

/// <summary>
/// Reads the special tokens, extra added tokens and chat template of a model folder from tokenizer_config.json, with
/// config.json's token ids as the fallback for a special token the tokenizer config does not name.
/// </summary>
internal static class TokenizerConfigFiles
{
    public const string TokenizerConfigName = "tokenizer_config.json";
    public const string ModelConfigName = "config.json";

    public static (SpecialTokenNames Names, List<AddedToken> AddedTokens) Read(string folder, BpeParts parts)
    {
        var names = SpecialTokenNames.None;
        var added = new List<AddedToken>();
        var tokenizerConfig = Path.Combine(folder, TokenizerConfigName);
        if (File.Exists(tokenizerConfig))
        {
            using var document = Json.Parse(tokenizerConfig);
            var root = document.RootElement;
            names = new SpecialTokenNames(TokenText(root, "bos_token"), TokenText(root, "eos_token"), TokenText(root, "pad_token"),
                Json.Property(root, "add_bos_token") is { ValueKind: JsonValueKind.True or JsonValueKind.False } add ? add.GetBoolean() : null,
                ChatTemplate(root, tokenizerConfig));
            added.AddRange(AddedTokensDecoder(root, tokenizerConfig));
        }
        var modelConfig = Path.Combine(folder, ModelConfigName);
        if (File.Exists(modelConfig))
        {
            using var document = Json.Parse(modelConfig);
            var root = document.RootElement;
            names = names with
            {
                Bos = names.Bos ?? TokenById(root, "bos_token_id", parts),
                Eos = names.Eos ?? TokenById(root, "eos_token_id", parts),
                Pad = names.Pad ?? TokenById(root, "pad_token_id", parts),
            };
        }
        return (names, added);
    }

    /// <summary>A special token written as a string or as an AddedToken object with a content field.</summary>
    private static string? TokenText(JsonElement root, string name) => Json.Property(root, name) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Object } token => Json.OptionalString(token, "content"),
        _ => null,
    };

    private static string? ChatTemplate(JsonElement root, string file) => Json.Property(root, "chat_template") switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Array } named => named.EnumerateArray()
            .Where(t => Json.OptionalString(t, "name") == "default").Select(t => Json.OptionalString(t, "template")).FirstOrDefault()
            ?? throw TokenizerFault.In(file, "chat_template", "lists named templates but none named 'default'."),
        _ => null,
    };

    private static IEnumerable<AddedToken> AddedTokensDecoder(JsonElement root, string file)
    {
        if (Json.Property(root, "added_tokens_decoder") is not { ValueKind: JsonValueKind.Object } decoder) yield break;
        foreach (var entry in decoder.EnumerateObject())
            yield return new AddedToken(
                int.TryParse(entry.Name, out var id) ? id : throw TokenizerFault.In(file, $"added_tokens_decoder[\"{entry.Name}\"]", "is not an integer id."),
                Json.String(entry.Value, "content", file, $"added_tokens_decoder[\"{entry.Name}\"]"),
                Json.Bool(entry.Value, "special", false));
    }

    private static string? TokenById(JsonElement root, string name, BpeParts parts)
    {
        var value = Json.Property(root, name);
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0) value = value[0];
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id) ? parts.TokenAt(id) : null;
    }
}
