using System.Text.RegularExpressions;
using Governance.Training.Tokenization.Loading;

namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// Picks the chat template of a model: by name (chatml, zephyr, plain), or by recognising the family of the Jinja
/// template in its tokenizer_config.json from its markers. Jinja of any other family is refused, never guessed.
/// </summary>
public static partial class ChatTemplates
{
    /// <summary>The names <see cref="ByName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chatml", "zephyr", "plain"];

    /// <summary>The template called <paramref name="name"/>, closing turns with <paramref name="eosToken"/> where it needs one.</summary>
    public static IChatTemplate ByName(string name, string? eosToken) => name switch
    {
        "chatml" => new ChatMlTemplate(),
        "zephyr" => new ZephyrTemplate(RequireEos(eosToken, name)),
        "plain" => new PlainTemplate(RequireEos(eosToken, name)),
        _ => throw new ArgumentException($"Chat template '{name}' is unknown; use one of {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The template of <paramref name="tokenizer"/>'s model folder, or the one called <paramref name="name"/> when
    /// given (for models without a chat template, or to override it).
    /// </summary>
    public static IChatTemplate For(PretrainedTokenizer tokenizer, string? name = null)
    {
        var eos = tokenizer.Tokenizer.Special.Eos is { } id ? tokenizer.Tokenizer.Decode([id]) : null;
        if (name is not null) return ByName(name, eos);
        var jinja = tokenizer.ChatTemplate
            ?? throw new InvalidDataException(
                $"{tokenizer.ChatTemplateFile}: has no chat_template; name one of {string.Join(", ", Names)} in the training settings.");
        if (Names.Contains(jinja.Trim())) return ByName(jinja.Trim(), eos);
        if (jinja.Contains("<|im_start|>", StringComparison.Ordinal))
            return new ChatMlTemplate(DefaultSystemPrompt().Match(jinja) is { Success: true } match ? Unescape(match.Groups["text"].Value) : null);
        if (jinja.Contains("<|user|>", StringComparison.Ordinal) && jinja.Contains("<|assistant|>", StringComparison.Ordinal))
            return ByName("zephyr", eos);
        if (jinja == new PlainTemplate(eos ?? "").Jinja) return ByName("plain", eos);
        throw new InvalidDataException(
            $"{tokenizer.ChatTemplateFile}: chat_template is Jinja of a family this trainer does not render (no ChatML " +
            $"<|im_start|>, no Zephyr <|user|>/<|assistant|>); name one of {string.Join(", ", Names)} in the training settings.");
    }

    private static string RequireEos(string? eosToken, string name) =>
        eosToken ?? throw new ArgumentException($"Chat template '{name}' closes turns with the end-of-sequence token, which this tokenizer lacks.");

    private static string Unescape(string jinjaLiteral) => jinjaLiteral.Replace("\\n", "\n").Replace("\\'", "'");

    /// <summary>A literal system turn in the template: the text the model's template adds when none is given.</summary>
    [GeneratedRegex(@"<\|im_start\|>system\\n(?<text>[^'""{}]+?)<\|im_end\|>")]
    private static partial Regex DefaultSystemPrompt();
}
