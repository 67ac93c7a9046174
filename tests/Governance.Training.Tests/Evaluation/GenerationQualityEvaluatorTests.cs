using Governance.Core.Evaluation;
using Governance.Training.Evaluation;
using Governance.Training.Generation;
using Governance.Training.Tests.Generation;
using Governance.Training.Tests.Models;

namespace Governance.Training.Tests.Evaluation;

public sealed class GenerationQualityEvaluatorTests
{
    [Fact]
    public void Greedy_answers_are_scored_against_their_references_and_averaged()
    {
        using var model = TinyGpt2.Create(seed: 41);
        var generator = new TextGenerator(model, PieceCodec.Codec, maxPositions: 16);
        var settings = GenerationSettings.Greedy(4);
        var answer = generator.Generate("a1a2", settings).Text;

        // One reference is the model's own answer, the other shares nothing with it.
        var quality = GenerationQualityEvaluator.Evaluate(generator, [new ReferenceExample("a1a2", answer), new ReferenceExample("b3", "zzz")], settings);

        Assert.Equal(new GenerationQuality(2, 0.5, 0.5, 0.5), quality);
    }

    [Fact]
    public void Sampled_answers_are_refused_because_scores_must_be_repeatable()
    {
        using var model = TinyGpt2.Create(seed: 42);
        var generator = new TextGenerator(model, PieceCodec.Codec, maxPositions: 16);
        var error = Assert.Throws<ArgumentException>(() => GenerationQualityEvaluator.Evaluate(generator, [], GenerationSettings.Greedy(4) with { Temperature = 0.7 }));
        Assert.Contains("Temperature", error.Message);
    }
}
