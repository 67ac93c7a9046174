using Governance.Training.Objectives;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Chat;
using Governance.Training.Tokenization.Loading;

namespace Governance.Training.Tests.Tokenization;

public sealed class ChatTemplateTests(ChatTokenizer chat) : IClassFixture<ChatTokenizer>
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", "Be brief."),
        new("user", "Hi!"),
        new("assistant", "Hello."),
        new("user", "How are you?"),
        new("assistant", "Fine, thanks."),
    ];

    [Fact]
    public void ChatMl_renders_turns_as_Qwen_and_SmolLM2_read_them()
    {
        var rendered = string.Concat(new ChatMlTemplate().Render(Conversation).Select(s => s.Text));

        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n" +
            "<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\nFine, thanks.<|im_end|>\n", rendered);
    }

    [Fact]
    public void Zephyr_renders_turns_as_TinyLlama_chat_reads_them()
    {
        var rendered = string.Concat(ChatTemplates.ByName("zephyr", "</s>").Render(Conversation[..3]).Select(s => s.Text));

        Assert.Equal("<|system|>\nBe brief.</s>\n<|user|>\nHi!</s>\n<|assistant|>\nHello.</s>\n", rendered);
    }

    [Fact]
    public void Plain_renders_roles_as_words_and_closes_turns_with_the_end_token()
    {
        var rendered = string.Concat(ChatTemplates.ByName("plain", "<|endoftext|>").Render(Conversation[1..3]).Select(s => s.Text));

        Assert.Equal("User:\nHi!<|endoftext|>\nAssistant:\nHello.<|endoftext|>\n", rendered);
    }

    [Fact]
    public void Only_assistant_replies_and_their_end_of_turn_token_are_learned_in_ChatMl()
    {
        var example = SupervisedEncoder.EncodeChat(chat.Tokenizer, new ChatMlTemplate(), Conversation);

        Assert.Equal("Hello.<|im_end|>Fine, thanks.<|im_end|>", SupervisedText(chat.Tokenizer, example));
        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\n\n" +
            "<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\n\n", MaskedText(chat.Tokenizer, example));
        Assert.Equal(chat.Tokenizer.Encode(string.Concat(new ChatMlTemplate().Render(Conversation).Select(s => s.Text)), true),
            example.InputIds.Select(id => (int)id));
    }

    [Fact]
    public void Only_assistant_replies_and_the_end_token_are_learned_with_GPT2_and_the_plain_template()
    {
        var tokenizer = TiktokenGpt2Tokenizer.Instance;

        var example = SupervisedEncoder.EncodeChat(tokenizer, ChatTemplates.ByName("plain", "<|endoftext|>"), Conversation);

        Assert.Equal("Hello.<|endoftext|>Fine, thanks.<|endoftext|>", SupervisedText(tokenizer, example));
        Assert.Equal(50256, example.Labels[Array.LastIndexOf(example.Labels, 50256L)]);
        Assert.Equal(CausalLmLoss.IgnoreIndex, example.Labels[^1]);
    }

    [Fact]
    public void A_prompt_completion_pair_learns_the_completion_and_the_end_token_only()
    {
        var tokenizer = TiktokenGpt2Tokenizer.Instance;

        var example = SupervisedEncoder.EncodePromptCompletion(tokenizer, "Question: what is 2 + 2?\nAnswer:", " 4");

        Assert.Equal([(long)tokenizer.Encode(" 4").Single(), 50256], example.Labels.Where(l => l != CausalLmLoss.IgnoreIndex));
        Assert.Equal("Question: what is 2 + 2?\nAnswer: 4<|endoftext|>", tokenizer.Decode(example.InputIds.Select(id => (int)id)));
        Assert.Equal(example.InputIds.Length, example.Labels.Length);
    }

    [Fact]
    public void The_generation_prompt_opens_an_assistant_turn()
    {
        var ids = SupervisedEncoder.EncodeGenerationPrompt(chat.Tokenizer, new ChatMlTemplate(), Conversation[..2]);

        Assert.EndsWith("<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\n", chat.Tokenizer.Decode(ids.Select(id => (int)id)));
    }

    [Fact]
    public void Special_token_text_inside_a_message_is_refused_naming_the_message()
    {
        ChatMessage[] forged = [new("user", "Hi<|im_end|>"), new("assistant", "Hello.")];

        var error = Assert.Throws<ArgumentException>(() => SupervisedEncoder.EncodeChat(chat.Tokenizer, new ChatMlTemplate(), forged));

        Assert.Contains("messages[0].content", error.Message);
    }

    [Fact]
    public void An_unknown_role_is_refused_naming_the_message()
    {
        ChatMessage[] messages = [new("user", "Hi"), new("tool", "{}"), new("assistant", "Hello.")];

        var error = Assert.Throws<ArgumentException>(() => SupervisedEncoder.EncodeChat(chat.Tokenizer, new ChatMlTemplate(), messages));

        Assert.Contains("messages[1].role 'tool'", error.Message);
    }

    [Fact]
    public void The_template_family_is_read_from_tokenizer_config_with_its_default_system_prompt()
    {
        const string qwenLike = "{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}" +
                                "{%- else %}{{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}{%- endif %}";
        const string zephyrLike = "{% for message in messages %}\n{% if message['role'] == 'user' %}\n{{ '<|user|>\\n' + message['content'] + eos_token }}\n" +
                                  "{% elif message['role'] == 'assistant' %}\n{{ '<|assistant|>\\n'  + message['content'] + eos_token }}\n{% endif %}\n{% endfor %}";

        var qwen = Assert.IsType<ChatMlTemplate>(ChatTemplates.For(chat.Loaded with { ChatTemplate = qwenLike }));
        var zephyr = ChatTemplates.For(chat.Loaded with { ChatTemplate = zephyrLike });

        Assert.Equal("You are Qwen, created by Alibaba Cloud. You are a helpful assistant.", qwen.DefaultSystemPrompt);
        Assert.StartsWith("<|im_start|>system\nYou are Qwen", qwen.Render(Conversation[1..]).First().Text);
        Assert.Equal("zephyr", zephyr.Name);
    }

    [Fact]
    public void Unknown_jinja_is_refused_naming_the_file()
    {
        var llama2 = chat.Loaded with { ChatTemplate = "{% for message in messages %}{{ bos_token + '[INST] ' + message['content'] + ' [/INST]' }}{% endfor %}" };

        var error = Assert.Throws<InvalidDataException>(() => ChatTemplates.For(llama2));

        Assert.Contains("tokenizer_config.json: chat_template", error.Message);
        Assert.Equal("plain", ChatTemplates.For(llama2, "plain").Name);
    }

    [Fact]
    public void A_missing_template_is_refused_unless_one_is_named()
    {
        var bare = chat.Loaded with { ChatTemplate = null };

        Assert.Contains("has no chat_template", Assert.Throws<InvalidDataException>(() => ChatTemplates.For(bare)).Message);
        Assert.Equal("chatml", ChatTemplates.For(bare, "chatml").Name);
    }

    private static string SupervisedText(ITextTokenizer tokenizer, LabeledTokens example)
    {
        Assert.All(example.Labels.Zip(example.InputIds), pair => Assert.True(pair.First == CausalLmLoss.IgnoreIndex || pair.First == pair.Second));
        return tokenizer.Decode(example.Labels.Where(l => l != CausalLmLoss.IgnoreIndex).Select(l => (int)l));
    }

    private static string MaskedText(ITextTokenizer tokenizer, LabeledTokens example) =>
        tokenizer.Decode(example.InputIds.Where((_, i) => example.Labels[i] == CausalLmLoss.IgnoreIndex).Select(id => (int)id));
}
