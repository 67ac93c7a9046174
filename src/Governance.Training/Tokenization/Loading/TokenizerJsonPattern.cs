using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Training.Tokenization.Loading;

/// <summary>Reads the pattern field of tokenizer.json's Split and Replace: a literal String or a Regex.</summary>
internal static class TokenizerJsonPattern
{
    /// <summary>The pattern of <paramref name="node"/>; a literal matches itself.</summary>
    public static Regex Read(JsonElement node, string file, string field)
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
