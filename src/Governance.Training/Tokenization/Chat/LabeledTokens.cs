namespace Governance.Training.Tokenization.Chat;

/// <summary>A training example: the ids the model reads and, per position, the label it learns (or -100).</summary>
/// <param name="InputIds">Token ids.</param>
/// <param name="Labels">The id itself where supervised, <see cref="Objectives.CausalLmLoss.IgnoreIndex"/> elsewhere.</param>
public sealed record LabeledTokens(long[] InputIds, long[] Labels);
