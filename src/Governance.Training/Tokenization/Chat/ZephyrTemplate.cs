namespace Governance.Training.Tokenization.Chat;

/// <summary>Zephyr (TinyLlama chat): <c>&lt;|role|&gt;\ncontent&lt;/s&gt;\n</c> per turn, the end-of-sequence token closing each.</summary>
public sealed class ZephyrTemplate(string eosToken) : IChatTemplate
{
    /// <inheritdoc />
    public string Name => "zephyr";

    /// <inheritdoc />
    public string Jinja =>
        "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

    /// <inheritdoc />
    public string GenerationPrompt => "<|assistant|>\n";

    /// <inheritdoc />
    public IReadOnlyList<ChatSegment> Render(IReadOnlyList<ChatMessage> messages) =>
        messages.SelectMany(message => message.Role == "assistant"
            ? new ChatSegment[] { new(GenerationPrompt, false), new(message.Content + eosToken, true), new("\n", false) }
            : [new($"<|{message.Role}|>\n{message.Content}{eosToken}\n", false)]).ToList();
}
