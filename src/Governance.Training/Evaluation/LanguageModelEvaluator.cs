using Governance.Core.Evaluation;
using Governance.Training.Generation;
using Governance.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Evaluation;

/// <summary>
/// Token-weighted negative log-likelihood, perplexity and mean token accuracy of a causal language model on held-out
/// examples, in evaluation mode without gradients. Every scored token weighs the same, however the examples are
/// batched or how long each is: the summed NLL is divided by the scored tokens of the whole set.
/// </summary>
public static class LanguageModelEvaluator
{
    /// <summary>
    /// Scores <paramref name="model"/> on <paramref name="examples"/> in batches of <paramref name="batchSize"/>; examples
    /// of fewer than two tokens predict nothing and are skipped, the others are trimmed to the model's <paramref name="maxPositions"/> (see <see cref="LabelledSequence.TrimmedTo"/>).
    /// </summary>
    public static LanguageModelScore Evaluate(nn.Module<Tensor, Tensor> model, IReadOnlyList<LabelledSequence> examples, int batchSize, int maxPositions)
    {
        if (batchSize < 1) throw new ArgumentException($"Evaluation batch size is {batchSize}; use 1 or more.", nameof(batchSize));
        var (nll, correct, tokens) = (0.0, 0L, 0L);
        using var inference = InferenceScope.Enter(model);
        foreach (var batch in examples.Where(e => e.InputIds.Count > 1).Select(e => e.TrimmedTo(maxPositions)).Chunk(batchSize))
        {
            var totals = Totals(model, batch, inference.Device);
            (nll, correct, tokens) = (nll + totals.Nll, correct + totals.Correct, tokens + totals.Tokens);
        }
        return LanguageModelScore.From(nll, correct, tokens);
    }

    /// <summary>
    /// <paramref name="baseModel"/> against <paramref name="tuned"/> on held-out <paramref name="domain"/> completions
    /// and, when given, on <paramref name="general"/> text, whose perplexity rises when tuning made the model forget.
    /// </summary>
    public static BaseTunedComparison Compare(nn.Module<Tensor, Tensor> baseModel, nn.Module<Tensor, Tensor> tuned,
        IReadOnlyList<LabelledSequence> domain, IReadOnlyList<LabelledSequence>? general, int batchSize, int maxPositions)
    {
        LanguageModelScore On(nn.Module<Tensor, Tensor> model, IReadOnlyList<LabelledSequence> examples) => Evaluate(model, examples, batchSize, maxPositions);
        return general is null
            ? new BaseTunedComparison(On(baseModel, domain), On(tuned, domain))
            : new BaseTunedComparison(On(baseModel, domain), On(tuned, domain), On(baseModel, general), On(tuned, general));
    }

    /// <summary>The summed NLL, the correct argmax predictions and the scored tokens of one batch, right-padded and masked.</summary>
    internal static (double Nll, long Correct, long Tokens) Totals(nn.Module<Tensor, Tensor> model, IReadOnlyList<LabelledSequence> batch, Device device)
    {
        using var scope = NewDisposeScope();
        // Right-padded and masked exactly as training batches are.
        var collated = TokenBatch.Collate([.. batch.Select(e => e.ToExample())], device: device);
        var (ids, labels) = (collated.InputIds, collated.Labels);
        var logits = model.call(ids);
        var (nll, tokens) = CausalLmLoss.Sum(logits, labels);
        // The same shift as the loss: the logits at t predict the label at t + 1.
        var targets = labels[.., 1..];
        var hits = logits[.., ..^1].argmax(-1).eq(targets).logical_and(targets.ne(CausalLmLoss.IgnoreIndex));
        return (nll.to_type(ScalarType.Float64).item<double>(), hits.sum().item<long>(), tokens);
    }
}
