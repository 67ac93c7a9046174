using Governance.Core.Evaluation;

namespace Governance.Core.Tests.Evaluation;

public sealed class LanguageModelScoreTests
{
    [Fact]
    public void The_score_divides_the_summed_nll_and_the_correct_predictions_by_the_scored_tokens()
    {
        var score = LanguageModelScore.From(nllSum: 6, correct: 1, tokens: 4);
        Assert.Equal(new LanguageModelScore(1.5, Math.Exp(1.5), 0.25, 4), score);
    }

    [Fact]
    public void A_set_without_scored_tokens_is_refused_with_what_to_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => LanguageModelScore.From(0, 0, 0));
        Assert.Contains("every label is masked", error.Message);
    }

    [Fact]
    public void The_comparison_reports_relative_perplexity_changes_and_round_trips_through_json()
    {
        var comparison = new BaseTunedComparison(
            BaseDomain: new LanguageModelScore(Math.Log(20), 20, 0.3, 100), TunedDomain: new LanguageModelScore(Math.Log(15), 15, 0.4, 100),
            BaseGeneral: new LanguageModelScore(Math.Log(30), 30, 0.2, 50), TunedGeneral: new LanguageModelScore(Math.Log(33), 33, 0.2, 50));

        var json = EvaluationJson.Serialize(comparison);

        Assert.Equal(-0.25, comparison.DomainPerplexityChange, 12);
        Assert.Equal(0.1, comparison.GeneralPerplexityChange!.Value, 12);
        Assert.Contains("\"domainPerplexityChange\": -0.25", json);
        Assert.Equal(comparison, EvaluationJson.ParseComparison(json));
    }

    [Fact]
    public void Without_general_text_there_is_no_forgetting_figure()
    {
        var score = new LanguageModelScore(1, Math.E, 0.5, 10);
        var comparison = EvaluationJson.ParseComparison(EvaluationJson.Serialize(new BaseTunedComparison(score, score)));
        Assert.Equal((0.0, (double?)null), (comparison.DomainPerplexityChange, comparison.GeneralPerplexityChange));
    }
}
