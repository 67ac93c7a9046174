using Governance.Core.Models;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Models;

public sealed class ModelCardTests
{
    private static readonly ModelCardText Written = new("Answer support questions in English.", "Medical or legal advice.",
        "Trained on 2,000 tickets from 2025; weak on billing.", "Tickets skew to EU customers; checked refusal rates per region.", "Apache-2.0");

    private static readonly DatasetLineage Support = new(Guid.Parse("11111111-1111-1111-1111-111111111111"), "support", 3, new string('a', 64));

    [Fact]
    public void An_empty_card_names_every_missing_section_in_card_order()
    {
        var card = ModelCard.Compose(ModelCardText.Empty, [], null);

        Assert.Equal(["intended use", "out-of-scope use", "limitations", "training data", "evaluation", "bias and fairness considerations", "license"],
            card.MissingSections);
    }

    [Fact]
    public void Training_data_comes_from_the_lineage_and_evaluation_from_the_results()
    {
        var card = ModelCard.Compose(Written, [Support], new ModelEvaluation(12.5, 7.25, new Dictionary<string, double> { ["accuracy"] = 0.91 }));

        Assert.Empty(card.MissingSections);
        Assert.Contains("support v3", card.TrainingData);
        Assert.Contains(new string('a', 64), card.TrainingData);
        Assert.Equal("Perplexity 12.5 (base) → 7.25 (tuned); accuracy 0.91.", card.Evaluation);
    }

    [Fact]
    public void Blank_sections_count_as_missing_and_results_without_lineage_leave_training_data_missing()
    {
        var card = ModelCard.Compose((Written with { License = "  ", Limitations = "" }).Validated(), [], new ModelEvaluation(3, 2));

        Assert.Equal(["limitations", "training data", "license"], card.MissingSections);
    }

    [Fact]
    public void A_section_over_the_limit_is_refused_naming_it()
    {
        var error = Assert.Throws<ValidationError>(() => (Written with { BiasAndFairness = new string('x', ModelCardText.MaxSection + 1) }).Validated());

        Assert.Equal("biasAndFairness", error.Field);
    }
}
