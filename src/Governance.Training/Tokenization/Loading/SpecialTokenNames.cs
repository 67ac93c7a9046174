namespace Governance.Training.Tokenization.Loading;

/// <summary>The special tokens and chat template a model folder names (tokenizer_config.json, else config.json).</summary>
internal sealed record SpecialTokenNames(string? Bos, string? Eos, string? Pad, bool? AddBosToken, string? ChatTemplate)
{
    public static SpecialTokenNames None { get; } = new(null, null, null, null, null);
}
