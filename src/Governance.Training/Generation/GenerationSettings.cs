namespace Governance.Training.Generation;

/// <summary>How a continuation is chosen and when it ends.</summary>
public sealed record GenerationSettings
{
    /// <summary>The most tokens to add after the prompt.</summary>
    public int MaxNewTokens { get; init; } = 64;

    /// <summary>0 picks the most likely token (greedy); above 0 samples from the logits divided by it.</summary>
    public double Temperature { get; init; }

    /// <summary>When sampling, only the most likely tokens whose probabilities first reach this mass (nucleus sampling); 1 keeps all.</summary>
    public double TopP { get; init; } = 1;

    /// <summary>The token that ends the text; it is not part of the result. Null when the model has none.</summary>
    public int? EosTokenId { get; init; }

    /// <summary>Texts that end generation where they first appear in the decoded continuation; the stop text is cut off.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>The seed of the sampling generator, so that a sampled continuation can be repeated.</summary>
    public ulong Seed { get; init; }

    /// <summary>Greedy decoding of at most <paramref name="maxNewTokens"/> tokens.</summary>
    public static GenerationSettings Greedy(int maxNewTokens) => new() { MaxNewTokens = maxNewTokens };

    /// <summary>Throws with the setting to fix when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxNewTokens < 0) throw new ArgumentException($"Generation setting MaxNewTokens is {MaxNewTokens}; use 0 or more.");
        if (!(Temperature >= 0)) throw new ArgumentException($"Generation setting Temperature is {Temperature}; use 0 (greedy) or more.");
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentException($"Generation setting TopP is {TopP}; use a value above 0 and at most 1.");
        if (StopSequences.Any(string.IsNullOrEmpty)) throw new ArgumentException("Generation setting StopSequences holds an empty text; remove it.");
    }
}
