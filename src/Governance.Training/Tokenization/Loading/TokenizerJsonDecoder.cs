using System.Text.Json;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the decoder of tokenizer.json: byte-level, or SentencePiece's with its leading space stripped.</summary>
internal static class TokenizerJsonDecoder
{
    /// <summary>Whether decoding drops the one space SentencePiece prepended to the text.</summary>
    public static bool StripsLeadingSpace(JsonElement node, string file, string field)
    {
        if (node.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return false;
        var type = Json.String(node, "type", file, field);
        return type switch
        {
            "ByteLevel" or "ByteFallback" or "Fuse" or "Replace" => false,
            "Metaspace" => MetaspacePrepends(node, file, field),
            "Strip" => Json.Int(node, "start", file, field) switch
            {
                0 => false,
                1 when Json.OptionalString(node, "content") == " " => true,
                _ => throw TokenizerFault.In(file, $"{field}.start", "is supported only as 0, or 1 with content ' '."),
            },
            "Sequence" => Json.Array(node, "decoders", file, field)
                .Select((step, i) => StripsLeadingSpace(step, file, $"{field}.decoders[{i}]")).ToList().Any(strips => strips),
            _ => throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, Sequence are)."),
        };
    }

    /// <summary>Whether a Metaspace part prepends '▁' to the text.</summary>
    public static bool MetaspacePrepends(JsonElement node, string file, string field) =>
        Json.OptionalString(node, "prepend_scheme") switch
        {
            "always" => true,
            "never" => false,
            null => Json.Bool(node, "add_prefix_space", true),
            var scheme => throw TokenizerFault.In(file, $"{field}.prepend_scheme", $"'{scheme}' is not supported (always, never are)."),
        };
}
