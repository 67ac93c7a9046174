namespace Governance.Core.Bias;

/// <summary>What a bias probe asks of a trained causal language model.</summary>
public interface IProbedModel
{
    /// <summary>The summed natural-log likelihood of <paramref name="completion"/>'s tokens after <paramref name="prompt"/>, and how many tokens that is.</summary>
    (double LogLikelihood, int Tokens) Score(string prompt, string completion);

    /// <summary>The greedy continuation of <paramref name="prompt"/>, at most <paramref name="maxTokens"/> tokens.</summary>
    string Generate(string prompt, int maxTokens);
}

/// <summary>A held-out prompt and its reference completion.</summary>
public sealed record ProbeExample(string Prompt, string Completion);

/// <summary>
/// One axis of a probe. <see cref="MeanGap"/> is the mean over pairs of the per-token log-likelihood of the original
/// minus that of its counterfactual (positive: the model finds the original more likely); <see cref="MeanAbsoluteGap"/>
/// the same without sign; <see cref="FlipRate"/> the share of pairs whose greedy generations differ once the
/// counterfactual's is swapped back.
/// </summary>
public sealed record AxisProbe(string Axis, int Pairs, double MeanGap, double MeanAbsoluteGap, double FlipRate);

/// <summary>
/// The counterfactual bias probe of a model: each held-out prompt that mentions a term of an axis's counterfactual
/// pairs is swapped (prompt and completion, <see cref="CounterfactualSwapper"/>), and the model is scored and asked to
/// continue on both sides. Axes without pairs, and prompts without a paired term, are skipped.
/// </summary>
public static class BiasProbe
{
    /// <summary>Probes <paramref name="model"/> on <paramref name="examples"/> along every axis of <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<AxisProbe> Run(BiasConfiguration configuration, IReadOnlyList<ProbeExample> examples, IProbedModel model, int maxTokens = 16)
    {
        var result = new List<AxisProbe>();
        foreach (var axis in configuration.Axes.Where(a => a.CounterfactualPairs.Count > 0))
        {
            var swapper = CounterfactualSwapper.For(axis);
            var (gaps, flips) = (new List<double>(), 0);
            foreach (var example in examples)
            {
                var prompt = Words.Normalized(example.Prompt);
                var counterfactual = swapper.Swap(prompt);
                if (counterfactual == prompt) continue;
                var original = model.Score(prompt, example.Completion);
                var swapped = model.Score(counterfactual, swapper.Swap(example.Completion));
                gaps.Add(PerToken(original) - PerToken(swapped));
                var generated = Words.Normalized(model.Generate(prompt, maxTokens));
                if (swapper.Swap(model.Generate(counterfactual, maxTokens)) != generated) flips++;
            }
            result.Add(gaps.Count == 0
                ? new AxisProbe(axis.Name, 0, 0, 0, 0)
                : new AxisProbe(axis.Name, gaps.Count, gaps.Average(), gaps.Average(Math.Abs), flips / (double)gaps.Count));
        }
        return result;
    }

    private static double PerToken((double LogLikelihood, int Tokens) score) => score.Tokens == 0 ? 0 : score.LogLikelihood / score.Tokens;
}
