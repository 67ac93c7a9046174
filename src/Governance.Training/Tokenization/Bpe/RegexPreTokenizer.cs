using System.Text.RegularExpressions;

namespace Governance.Training.Tokenization.Bpe;

/// <summary>Each match is a word and so is any text between matches (the "Isolated" split of tokenizer.json).</summary>
internal sealed class RegexPreTokenizer(Regex pattern) : IPreTokenizer
{
    /// <summary>GPT-2's pattern: contractions, letters, digits and other runs, each with at most one leading space.</summary>
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    public static RegexPreTokenizer Gpt2 { get; } = new(new Regex(Gpt2Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant));

    public IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            if (match.Length == 0) continue;
            if (match.Index > start) yield return text[start..match.Index];
            yield return match.Value;
            start = match.Index + match.Length;
        }
        if (start < text.Length) yield return text[start..];
    }
}
