using Governance.Training.Objectives;

namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// Encodes supervised fine-tuning examples so the loss covers only what the model should write: assistant replies
/// (with their end-of-turn token) in chats, the completion (with end-of-sequence) in prompt/completion pairs.
/// </summary>
public static class SupervisedEncoder
{
    /// <summary>
    /// The conversation rendered by <paramref name="template"/> and encoded as one text, so ids match what the model
    /// reads at inference; labels are found by encoding the text up to each segment boundary.
    /// </summary>
    public static LabeledTokens EncodeChat(ITextTokenizer tokenizer, IChatTemplate template, IReadOnlyList<ChatMessage> messages)
    {
        CheckMessages(tokenizer, messages);
        if (!messages.Any(m => m.Role == "assistant"))
            throw new ArgumentException("messages has no assistant turn, so there is nothing to learn.", nameof(messages));
        var segments = template.Render(messages);
        var ids = Encode(tokenizer, string.Concat(segments.Select(s => s.Text)));
        var labels = Enumerable.Repeat(CausalLmLoss.IgnoreIndex, ids.Length).ToArray();
        var prefix = "";
        foreach (var segment in segments)
        {
            var start = SharedPrefixLength(ids, Encode(tokenizer, prefix));
            prefix += segment.Text;
            if (!segment.Supervised) continue;
            var end = SharedPrefixLength(ids, Encode(tokenizer, prefix));
            Array.Copy(ids, start, labels, start, end - start);
        }
        return new LabeledTokens(ids, labels);
    }

    /// <summary>The ids that prompt a reply to <paramref name="messages"/>: the conversation, then an opened assistant turn.</summary>
    public static long[] EncodeGenerationPrompt(ITextTokenizer tokenizer, IChatTemplate template, IReadOnlyList<ChatMessage> messages)
    {
        CheckMessages(tokenizer, messages);
        return Encode(tokenizer, string.Concat(template.Render(messages).Select(s => s.Text)) + template.GenerationPrompt);
    }

    /// <summary>
    /// Plain text (special-token text stays text): the prompt masked, the completion and the end-of-sequence token
    /// (when the tokenizer has one) supervised.
    /// </summary>
    public static LabeledTokens EncodePromptCompletion(ITextTokenizer tokenizer, string prompt, string completion)
    {
        var eos = tokenizer.Special.Eos is { } e ? new long[] { e } : [];
        long[] ids = [.. Encode(tokenizer, prompt + completion, parseSpecialTokens: false), .. eos];
        var promptIds = Encode(tokenizer, prompt, parseSpecialTokens: false);
        var start = SharedPrefixLength(ids, promptIds);
        var labels = ids.Select((id, i) => i < start ? CausalLmLoss.IgnoreIndex : id).ToArray();
        return new LabeledTokens(ids, labels);
    }

    private static void CheckMessages(ITextTokenizer tokenizer, IReadOnlyList<ChatMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (!ChatMessage.Roles.Contains(messages[i].Role))
                throw new ArgumentException($"messages[{i}].role '{messages[i].Role}' is not supported; use {string.Join(", ", ChatMessage.Roles)}.", nameof(messages));
            if (!tokenizer.Encode(messages[i].Content, parseSpecialTokens: true).SequenceEqual(tokenizer.Encode(messages[i].Content)))
                throw new ArgumentException($"messages[{i}].content contains the text of a special token; remove it from the data.", nameof(messages));
        }
    }

    /// <summary>The ids of <paramref name="text"/>, after the beginning token when the model expects one.</summary>
    private static long[] Encode(ITextTokenizer tokenizer, string text, bool parseSpecialTokens = true)
    {
        var bos = tokenizer.Special is { PrependBos: true, Bos: { } b } ? new long[] { b } : [];
        return [.. bos, .. tokenizer.Encode(text, parseSpecialTokens).Select(id => (long)id)];
    }

    private static int SharedPrefixLength(long[] full, long[] prefix)
    {
        var length = 0;
        while (length < full.Length && length < prefix.Length && full[length] == prefix[length]) length++;
        return length;
    }
}
