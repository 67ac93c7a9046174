using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>The log-probability a model gives each row's labelled tokens, as DPO scores a completion.</summary>
public static class SequenceLogProbs
{
    /// <summary>
    /// Per row of <paramref name="logits"/> [batch, time, vocab], the sum over positions t with an unmasked label at
    /// t + 1 of log p(label | tokens up to t), in fp32: shape [batch].
    /// </summary>
    public static Tensor Sum(Tensor logits, Tensor labels)
    {
        var targets = labels[.., 1..];
        var mask = targets.ne(CausalLmLoss.IgnoreIndex);
        var logProbs = logits[.., ..^1].to_type(ScalarType.Float32).log_softmax(-1);
        var picked = logProbs.gather(-1, targets.masked_fill(mask.logical_not(), 0).unsqueeze(-1)).squeeze(-1);
        return picked.mul(mask).sum(1);
    }
}
