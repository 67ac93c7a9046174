namespace Governance.Training.Tests.Tokenization;

/// <summary>Texts that exercise every branch of GPT-2's pre-tokenizer and the byte-level alphabet.</summary>
public static class TokenizerSamples
{
    public static TheoryData<string> Varied => new(All);

    public static IReadOnlyList<string> All { get; } =
    [
        "Hello world",
        "I'm sure they'll say it's what we've done, isn't it? He'd know. You're right; I'LL SEE.",
        "Numbers: 3.14159, 1,000,000 and 2026-11-29 at 12:05; 007 vs 7.",
        "  leading spaces, trailing spaces   ",
        "tabs\tand\t\tmore\ttabs",
        "line one\nline two\n\n\nafter three newlines\r\nwindows line\n",
        "Punctuation!!! ??? ... --- (brackets) [x] {y} <z> \"quoted\" 'single' @#$%^&*_+=|\\/~`",
        "Ünïcödé façade naïve coöperate; Ελληνικά; русский текст; עברית; العربية",
        "Emoji 😀👍🏽👨‍👩‍👧‍👦 and flags 🇫🇷🇯🇵 with ✨sparkles✨",
        "中文分词测试：今天天气很好。日本語のテキスト、カタカナ。한국어 문장입니다.",
        "mixed中文and English123和数字456",
        "    def f(x):\n        return x ** 2  # comment\n",
        "\u0000\u0001 control \u0007 bell \u001b[31m escape",
        "",
        " ",
        "\n",
        "a",
        "<|endoftext|> is only text here",
    ];
}
