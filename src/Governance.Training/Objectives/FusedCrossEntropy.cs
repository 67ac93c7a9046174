using static TorchSharp.torch;

namespace Governance.Training.Objectives;

/// <summary>
/// Summed cross-entropy over rows of fp32 logits [rows, vocab] whose gradient is computed in the forward pass and
/// written over the logits themselves: softmax minus the one-hot target on counted rows, zero on ignored ones. Backward
/// only scales it. Against log_softmax plus nll_loss this allocates no [rows, vocab] tensor at all (they keep three:
/// the log-probabilities, the zeroed gradient and the input gradient) and makes fewer passes over the largest tensor of
/// a training step. The caller's logits are consumed: nothing may read them afterwards.
/// </summary>
internal sealed class FusedCrossEntropy : autograd.SingleTensorFunction<FusedCrossEntropy>
{
    public override string Name => nameof(FusedCrossEntropy);

    /// <summary>The summed loss over rows whose target is not <paramref name="ignoreIndex"/>; overwrites <paramref name="logits"/>.</summary>
    public static Tensor Apply(Tensor logits, Tensor targets, long ignoreIndex) => apply(logits, targets, ignoreIndex);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (logits, targets, ignoreIndex) = ((Tensor)vars[0], (Tensor)vars[1], (long)vars[2]);
        if (logits.dtype != ScalarType.Float32 || logits.dim() != 2 || !logits.is_contiguous())
            throw new ArgumentException("Fused cross-entropy takes contiguous fp32 logits [rows, vocab].", nameof(vars));
        using var ignored = targets.eq(ignoreIndex);
        using var column = targets.masked_fill(ignored, 0).unsqueeze(1);
        using var picked = logits.gather(1, column);
        using var max = logits.amax([1], keepdim: true);
        logits.sub_(max).exp_();
        using var total = logits.sum(1, keepdim: true);
        logits.div_(total);
        // Loss per row: log(sum exp(x - max)) + max - x[target].
        using var rowLoss = total.log_().add_(max).sub_(picked).squeeze(1).masked_fill_(ignored, 0);
        using var minusOne = full_like(picked, -1.0);
        logits.scatter_add_(1, column, minusOne);
        using var ignoredRows = ignored.nonzero().squeeze(1);
        if (ignoredRows.numel() > 0) logits.index_fill_(0, ignoredRows, 0.0);
        ctx.save_for_backward([logits]); // now the gradient
        return rowLoss.sum();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var gradient = ctx.get_saved_variables()[0];
        return [gradient.mul_(grad_output), null!, null!];
    }
}
