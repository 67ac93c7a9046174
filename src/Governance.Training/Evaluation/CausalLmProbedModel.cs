using Governance.Core.Bias;
using Governance.Training.Generation;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Evaluation;

/// <summary>
/// A causal language model as the counterfactual bias probe sees it (<see cref="BiasProbe"/>): prompt and completion
/// are encoded separately and joined, so the completion's tokens are the same whatever prompt precedes them.
/// </summary>
public sealed class CausalLmProbedModel(nn.Module<Tensor, Tensor> model, TextCodec codec, int maxPositions, int? eosTokenId = null) : IProbedModel
{
    private readonly TextGenerator _generator = new(model, codec, maxPositions);

    /// <summary>The summed log-likelihood of the completion's tokens after the prompt, and their count; the prompt is trimmed from the left to fit.</summary>
    public (double LogLikelihood, int Tokens) Score(string prompt, string completion)
    {
        var completionIds = codec.Encode(completion);
        if (completionIds.Count == 0) return (0, 0);
        var promptIds = codec.Encode(prompt);
        if (promptIds.Count == 0) throw new ArgumentException("A probe prompt encodes to no tokens, so its completion's first token has no context; give a non-empty prompt.");
        var example = LabelledSequence.Completion(promptIds, completionIds).TrimmedTo(maxPositions);
        using var inference = InferenceScope.Enter(model);
        var (nll, _, tokens) = LanguageModelEvaluator.Totals(model, [example], inference.Device);
        return (-nll, (int)tokens);
    }

    /// <summary>The greedy continuation of <paramref name="prompt"/>, ending early at the end-of-sequence token when there is one.</summary>
    public string Generate(string prompt, int maxTokens) =>
        _generator.Generate(prompt, GenerationSettings.Greedy(maxTokens) with { EosTokenId = eosTokenId }).Text;
}
