using Governance.Core.Evaluation;
using Governance.Training.Generation;

namespace Governance.Training.Evaluation;

/// <summary>Scores a model's greedy answers to held-out prompts against their references (<see cref="GenerationQuality"/>).</summary>
public static class GenerationQualityEvaluator
{
    /// <summary>
    /// Generates a greedy answer to each example's prompt with <paramref name="settings"/> (max tokens, EOS, stop
    /// sequences) and averages exact match, token F1 and ROUGE-L against the references.
    /// </summary>
    public static GenerationQuality Evaluate(TextGenerator generator, IReadOnlyList<ReferenceExample> examples, GenerationSettings settings)
    {
        if (settings.Temperature != 0)
            throw new ArgumentException($"Generation quality is scored on greedy answers, but Temperature is {settings.Temperature}; set it to 0.");
        return GenerationQuality.Of(examples.Select(e => (generator.Generate(e.Prompt, settings).Text, e.Reference)));
    }
}
