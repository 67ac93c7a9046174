namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// ChatML (Qwen2.5, SmolLM2-Instruct): <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per turn. A
/// conversation without a system turn gets <see cref="DefaultSystemPrompt"/> first when the model's template has one.
/// </summary>
public sealed class ChatMlTemplate(string? defaultSystemPrompt = null) : IChatTemplate
{
    private const string Start = "<|im_start|>";
    private const string End = "<|im_end|>";

    /// <summary>The system turn the model's own template adds when a conversation has none, or null.</summary>
    public string? DefaultSystemPrompt { get; } = defaultSystemPrompt;

    /// <inheritdoc />
    public string Name => "chatml";

    /// <inheritdoc />
    public string Jinja =>
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /// <inheritdoc />
    public string GenerationPrompt => $"{Start}assistant\n";

    /// <inheritdoc />
    public IReadOnlyList<ChatSegment> Render(IReadOnlyList<ChatMessage> messages)
    {
        var turns = DefaultSystemPrompt is not null && messages is not [{ Role: "system" }, ..]
            ? [new ChatMessage("system", DefaultSystemPrompt), .. messages]
            : messages;
        return turns.SelectMany(Turn).ToList();
    }

    private static IEnumerable<ChatSegment> Turn(ChatMessage message) => message.Role == "assistant"
        ? [new($"{Start}assistant\n", false), new(message.Content + End, true), new("\n", false)]
        : [new ChatSegment($"{Start}{message.Role}\n{message.Content}{End}\n", false)];
}
