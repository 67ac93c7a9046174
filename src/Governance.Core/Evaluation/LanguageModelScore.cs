namespace Governance.Core.Evaluation;

/// <summary>
/// How well a causal language model predicts a held-out set: <see cref="Nll"/> is the summed negative log-likelihood
/// of every scored token divided by the number of scored tokens over the whole set (tokens weigh alike, examples do
/// not), <see cref="Perplexity"/> its exponential, and <see cref="TokenAccuracy"/> the share of scored tokens that are
/// the model's most likely next token.
/// </summary>
public sealed record LanguageModelScore(double Nll, double Perplexity, double TokenAccuracy, long Tokens)
{
    /// <summary>The score from summed token NLLs, the count of correct argmax predictions and the count of scored tokens.</summary>
    public static LanguageModelScore From(double nllSum, long correct, long tokens)
    {
        if (tokens <= 0)
            throw new ArgumentException("The evaluation set has no scored tokens: every label is masked (-100); give examples with completion tokens.", nameof(tokens));
        var nll = nllSum / tokens;
        return new LanguageModelScore(nll, Math.Exp(nll), correct / (double)tokens, tokens);
    }
}
