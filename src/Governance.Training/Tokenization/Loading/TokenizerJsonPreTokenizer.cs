using System.Text.Json;
using Governance.Training.Tokenization.Bpe;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the pre-tokenizer of tokenizer.json, refusing the kinds it does not support.</summary>
internal static class TokenizerJsonPreTokenizer
{
    /// <summary>The pre-tokenizer and whether it maps words to GPT-2's byte alphabet.</summary>
    public static (IPreTokenizer PreTokenizer, bool ByteLevel) Read(JsonElement node, string file, string field)
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
                return (new RegexPreTokenizer(TokenizerJsonPattern.Read(node, file, field)), false);
            case "Digits":
                return (new DigitsPreTokenizer(Json.Bool(node, "individual_digits", false)), false);
            case "Metaspace":
                return (new MetaspacePreTokenizer(Replacement(node, file, field), TokenizerJsonDecoder.MetaspacePrepends(node, file, field),
                    Json.Bool(node, "split", true)), false);
            case "Sequence":
                var parts = Json.Array(node, "pretokenizers", file, field)
                    .Select((step, i) => Read(step, file, $"{field}.pretokenizers[{i}]")).ToList();
                return (new SequencePreTokenizer(parts.Select(p => p.PreTokenizer).ToList()), parts.Any(p => p.ByteLevel));
            default:
                throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (ByteLevel, Split, Digits, Metaspace, Sequence are).");
        }
    }

    private static char Replacement(JsonElement node, string file, string field) =>
        Json.OptionalString(node, "replacement") is { Length: 1 } replacement && replacement[0] == '▁'
            ? '▁'
            : throw TokenizerFault.In(file, $"{field}.replacement", "is supported only as '▁'.");
}
