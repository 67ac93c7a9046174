using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the normalizer, pre-tokenizer and decoder of tokenizer.json, refusing what it does not support.</summary>
internal static class TokenizerJsonPipeline
{
    public static Func<string, string> Normalizer(JsonElement node, string file, string field)
    {
        if (node.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return text => text;
        var type = Json.String(node, "type", file, field);
        switch (type)
        {
            case "NFC": return text => text.Normalize(System.Text.NormalizationForm.FormC);
            case "NFKC": return text => text.Normalize(System.Text.NormalizationForm.FormKC);
            case "NFD": return text => text.Normalize(System.Text.NormalizationForm.FormD);
            case "NFKD": return text => text.Normalize(System.Text.NormalizationForm.FormKD);
            case "Lowercase": return text => text.ToLowerInvariant();
            case "Prepend":
                var prefix = Json.String(node, "prepend", file, field);
                return text => text.Length == 0 ? text : prefix + text;
            case "Replace":
                var pattern = Pattern(node, file, field);
                var content = Json.String(node, "content", file, field);
                return text => pattern.Replace(text, content.Replace("$", "$$"));
            case "Sequence":
                var steps = Json.Array(node, "normalizers", file, field)
                    .Select((step, i) => Normalizer(step, file, $"{field}.normalizers[{i}]")).ToList();
                return text => steps.Aggregate(text, (current, step) => step(current));
            default:
                throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (NFC, NFKC, NFD, NFKD, Lowercase, Prepend, Replace, Sequence are).");
        }
    }

    /// <summary>The pre-tokenizer, whether it is byte-level, and whether it prepends SentencePiece's '▁'.</summary>
    public static (IPreTokenizer PreTokenizer, bool ByteLevel) PreTokenizer(JsonElement node, string file, string field)
    {
        if (node.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (new SequencePreTokenizer([]), false);
        var type = Json.String(node, "type", file, field);
        switch (type)
        {
            case "ByteLevel":
                var steps = new List<IPreTokenizer>();
                if (Json.Bool(node, "add_prefix_space", false)) steps.Add(new PrefixSpacePreTokenizer());
                if (Json.Bool(node, "use_regex", true)) steps.Add(RegexPreTokenizer.Gpt2);
                return (new SequencePreTokenizer(steps), true);
            case "Split":
                if (Json.OptionalString(node, "behavior") is not ("Isolated" or null) || Json.Bool(node, "invert", false))
                    throw TokenizerFault.In(file, $"{field}.behavior", "is supported only as 'Isolated' with invert false.");
                return (new RegexPreTokenizer(Pattern(node, file, field)), false);
            case "Digits":
                return (new DigitsPreTokenizer(Json.Bool(node, "individual_digits", false)), false);
            case "Metaspace":
                return (new MetaspacePreTokenizer(Replacement(node, file, field), MetaspacePrepends(node, file, field),
                    Json.Bool(node, "split", true)), false);
            case "Sequence":
                var parts = Json.Array(node, "pretokenizers", file, field)
                    .Select((step, i) => PreTokenizer(step, file, $"{field}.pretokenizers[{i}]")).ToList();
                return (new SequencePreTokenizer(parts.Select(p => p.PreTokenizer).ToList()), parts.Any(p => p.ByteLevel));
            default:
                throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (ByteLevel, Split, Digits, Metaspace, Sequence are).");
        }
    }

    /// <summary>Whether decoding drops the one space SentencePiece prepended to the text.</summary>
    public static bool DecoderStripsLeadingSpace(JsonElement node, string file, string field)
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
                .Select((step, i) => DecoderStripsLeadingSpace(step, file, $"{field}.decoders[{i}]")).ToList().Any(strips => strips),
            _ => throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, Sequence are)."),
        };
    }

    private static bool MetaspacePrepends(JsonElement node, string file, string field) =>
        Json.OptionalString(node, "prepend_scheme") switch
        {
            "always" => true,
            "never" => false,
            null => Json.Bool(node, "add_prefix_space", true),
            var scheme => throw TokenizerFault.In(file, $"{field}.prepend_scheme", $"'{scheme}' is not supported (always, never are)."),
        };

    private static char Replacement(JsonElement node, string file, string field) =>
        Json.OptionalString(node, "replacement") is { Length: 1 } replacement && replacement[0] == '▁'
            ? '▁'
            : throw TokenizerFault.In(file, $"{field}.replacement", "is supported only as '▁'.");

    private static Regex Pattern(JsonElement node, string file, string field)
    {
        if (!node.TryGetProperty("pattern", out var pattern) || pattern.ValueKind != JsonValueKind.Object)
            throw TokenizerFault.In(file, $"{field}.pattern", "is missing.");
        if (Json.OptionalString(pattern, "String") is { } literal) return new Regex(Regex.Escape(literal), RegexOptions.CultureInvariant);
        var source = Json.OptionalString(pattern, "Regex")
            ?? throw TokenizerFault.In(file, $"{field}.pattern", "has neither a String nor a Regex.");
        try
        {
            return new Regex(source, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException error)
        {
            throw TokenizerFault.In(file, $"{field}.pattern.Regex", $"is not a regular expression .NET supports ({error.Message}).");
        }
    }
}
