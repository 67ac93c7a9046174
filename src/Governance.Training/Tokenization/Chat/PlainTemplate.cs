namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// For models with no chat markers of their own (GPT-2, the built-in base model): each turn is the capitalized role,
/// a colon and a newline, the content, then the end-of-sequence token and a newline, e.g.
/// <c>User:\nHi&lt;|endoftext|&gt;\nAssistant:\nHello&lt;|endoftext|&gt;\n</c>.
/// </summary>
public sealed class PlainTemplate(string eosToken) : IChatTemplate
{
    /// <inheritdoc />
    public string Name => "plain";

    /// <inheritdoc />
    public string Jinja =>
        "{% for message in messages %}{{ (message['role'] | capitalize) + ':\\n' + message['content'] + eos_token + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:\\n' }}{% endif %}";

    /// <inheritdoc />
    public string GenerationPrompt => "Assistant:\n";

    /// <inheritdoc />
    public IReadOnlyList<ChatSegment> Render(IReadOnlyList<ChatMessage> messages) =>
        messages.SelectMany(message => message.Role == "assistant"
            ? new ChatSegment[] { new(GenerationPrompt, false), new(message.Content + eosToken, true), new("\n", false) }
            : [new($"{Capitalized(message.Role)}:\n{message.Content}{eosToken}\n", false)]).ToList();

    private static string Capitalized(string role) => char.ToUpperInvariant(role[0]) + role[1..];
}
