using System.Text;
using System.Text.Json;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the normalizer of tokenizer.json, refusing the kinds it does not support.</summary>
internal static class TokenizerJsonNormalizer
{
    /// <summary>The normalizer as a function of the text; none is the identity.</summary>
    public static Func<string, string> Read(JsonElement node, string file, string field)
    {
        if (node.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return text => text;
        var type = Json.String(node, "type", file, field);
        switch (type)
        {
            case "NFC": return text => text.Normalize(NormalizationForm.FormC);
            case "NFKC": return text => text.Normalize(NormalizationForm.FormKC);
            case "NFD": return text => text.Normalize(NormalizationForm.FormD);
            case "NFKD": return text => text.Normalize(NormalizationForm.FormKD);
            case "Lowercase": return text => text.ToLowerInvariant();
            case "Prepend":
                var prefix = Json.String(node, "prepend", file, field);
                return text => text.Length == 0 ? text : prefix + text;
            case "Replace":
                var pattern = TokenizerJsonPattern.Read(node, file, field);
                var content = Json.String(node, "content", file, field);
                return text => pattern.Replace(text, content.Replace("$", "$$"));
            case "Sequence":
                var steps = Json.Array(node, "normalizers", file, field)
                    .Select((step, i) => Read(step, file, $"{field}.normalizers[{i}]")).ToList();
                return text => steps.Aggregate(text, (current, step) => step(current));
            default:
                throw TokenizerFault.In(file, $"{field}.type", $"'{type}' is not supported (NFC, NFKC, NFD, NFKD, Lowercase, Prepend, Replace, Sequence are).");
        }
    }
}
