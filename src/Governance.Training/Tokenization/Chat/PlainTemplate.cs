namespace Governance.Training.Tokenization.Chat;

/// <summary>
/// For models with no chat markers of their own (GPT-2, the built-in base model): the capitalized role, a colon and a
/// newline open each turn, e.g. <c>User:\nHi&lt;|endoftext|&gt;\nAssistant:\nHello&lt;|endoftext|&gt;\n</c>.
/// </summary>
public sealed class PlainTemplate(string eosToken) : EndOfSequenceTurnsTemplate(eosToken)
{
    /// <inheritdoc />
    public override string Name => "plain";

    /// <inheritdoc />
    public override string Jinja =>
        "{% for message in messages %}{{ (message['role'] | capitalize) + ':\\n' + message['content'] + eos_token + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:\\n' }}{% endif %}";

    /// <inheritdoc />
    protected override string Header(string role) => $"{char.ToUpperInvariant(role[0])}{role[1..]}:\n";
}
