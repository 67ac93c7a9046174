namespace Governance.Core.Evaluation;

/// <summary>
/// A tuned model against its base, for a model card: perplexity on held-out completions of the training domain
/// (should fall) and on general text (a rise shows forgetting). Relative changes are (tuned - base) / base.
/// </summary>
public sealed record BaseTunedComparison(
    LanguageModelScore BaseDomain,
    LanguageModelScore TunedDomain,
    LanguageModelScore? BaseGeneral = null,
    LanguageModelScore? TunedGeneral = null)
{
    /// <summary>The relative change of held-out domain perplexity; negative when tuning helped.</summary>
    public double DomainPerplexityChange => RelativeChange(BaseDomain.Perplexity, TunedDomain.Perplexity);

    /// <summary>The relative change of general-text perplexity; positive when the tuned model forgot; null without general text.</summary>
    public double? GeneralPerplexityChange =>
        BaseGeneral is null || TunedGeneral is null ? null : RelativeChange(BaseGeneral.Perplexity, TunedGeneral.Perplexity);

    private static double RelativeChange(double before, double after) => (after - before) / before;
}
