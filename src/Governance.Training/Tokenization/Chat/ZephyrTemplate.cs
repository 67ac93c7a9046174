namespace Governance.Training.Tokenization.Chat;

/// <summary>Zephyr (TinyLlama chat): <c>&lt;|role|&gt;\ncontent&lt;/s&gt;\n</c> per turn.</summary>
public sealed class ZephyrTemplate(string eosToken) : EndOfSequenceTurnsTemplate(eosToken)
{
    /// <inheritdoc />
    public override string Name => "zephyr";

    /// <inheritdoc />
    public override string Jinja =>
        "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

    /// <inheritdoc />
    protected override string Header(string role) => $"<|{role}|>\n";
}
