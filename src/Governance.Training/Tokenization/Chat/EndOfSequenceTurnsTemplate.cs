namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// Templates whose every turn is a role header, the content, the end-of-sequence token and a newline; they differ
/// only in how the header names the role.
/// </summary>
public abstract class EndOfSequenceTurnsTemplate(string eosToken) : IChatTemplate
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Jinja { get; }

    /// <inheritdoc />
    public string GenerationPrompt => Header("assistant");

    /// <inheritdoc />
    public IReadOnlyList<ChatSegment> Render(IReadOnlyList<ChatMessage> messages) =>
        messages.SelectMany(message => message.Role == "assistant"
            ? new ChatSegment[] { new(GenerationPrompt, false), new(message.Content + eosToken, true), new("\n", false) }
            : [new(Header(message.Role) + message.Content + eosToken + "\n", false)]).ToList();

    /// <summary>The text that opens a turn of <paramref name="role"/>, up to its content.</summary>
    protected abstract string Header(string role);
}
