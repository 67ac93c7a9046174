namespace Governance.Training.Tokenization.Chat;

/// <summary>Renders conversations as one family of chat models was trained to read them.</summary>
public interface IChatTemplate
{
    /// <summary>The family's name: chatml, zephyr or plain.</summary>
    string Name { get; }

    /// <summary>The same template in Jinja, as transformers reads it from tokenizer_config.json.</summary>
    string Jinja { get; }

    /// <summary>The text that opens an assistant turn, appended to a conversation to generate a reply.</summary>
    string GenerationPrompt { get; }

    /// <summary>The conversation as segments; assistant replies with their end-of-turn token are supervised.</summary>
    IReadOnlyList<ChatSegment> Render(IReadOnlyList<ChatMessage> messages);
}
