using Governance.Training.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>
/// Direct preference optimisation: loss -log sigmoid(beta * ((pc - rc) - (pr - rr))) per pair, where p and r are the
/// policy's and the reference's log-probabilities of the chosen (c) and rejected (r) completions. The reference is
/// <paramref name="reference"/> when given (full fine-tuning), otherwise the trained model with its LoRA adapters off.
/// </summary>
public sealed class DpoObjective(double beta = 0.1, nn.Module<Tensor, Tensor>? reference = null, long padId = 0)
    : ITrainingObjective<PreferencePair>
{
    /// <summary>Metric: pairs whose chosen reward beta * (pc - rc) exceeds the rejected one's.</summary>
    public const string RewardAccuracy = "reward_accuracy";

    /// <summary>Metric: chosen reward minus rejected reward.</summary>
    public const string RewardMargin = "reward_margin";

    /// <summary>The strength of the pull towards the reference.</summary>
    public double Beta => beta;

    /// <inheritdoc />
    public TokenBatch Collate(IReadOnlyList<PreferencePair> examples, Device device) => TokenBatch.CollatePreferences(examples, padId, device);

    /// <inheritdoc />
    public long Units(TokenBatch batch) => batch.InputIds.shape[0] / 2;

    /// <inheritdoc />
    public ObjectiveTerms Sum(nn.Module<Tensor, Tensor> model, TokenBatch batch)
    {
        var pairs = Units(batch);
        var policy = SequenceLogProbs.Sum(model.call(batch.InputIds), batch.Labels);
        var referenceLogProbs = ReferenceLogProbs(model, batch);
        var rewards = (policy - referenceLogProbs).mul(beta);
        var (chosen, rejected) = (rewards[..(int)pairs], rewards[(int)pairs..]);
        var margins = chosen - rejected;
        var loss = -nn.functional.logsigmoid(margins).sum();
        using var detached = margins.detach();
        return new ObjectiveTerms(loss, new Dictionary<string, double>
        {
            [RewardAccuracy] = detached.gt(0).sum().item<long>(),
            [RewardMargin] = detached.sum().item<float>(),
        });
    }

    private Tensor ReferenceLogProbs(nn.Module<Tensor, Tensor> model, TokenBatch batch)
    {
        using var _ = no_grad();
        if (reference is not null) return SequenceLogProbs.Sum(reference.call(batch.InputIds), batch.Labels);
        using var baseModel = LoraModel.DisableAdapters(model);
        if (baseModel.Count == 0)
            throw new InvalidOperationException("DPO needs a reference: attach LoRA adapters to the model or pass a reference model.");
        return SequenceLogProbs.Sum(model.call(batch.InputIds), batch.Labels);
    }
}
