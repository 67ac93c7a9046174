using Governance.Training.Objectives;
using Governance.Training.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Objectives;

public sealed class GradientAccumulationTests
{
    // Unequal masks: the micro-batches hold 2, 9 and 6 learnt tokens, so a mean of micro-batch means would differ.
    private static readonly TokenExample[] Examples =
    [
        TokenExample.FromCompletion([1, 2, 3, 4, 5], [6, 7]),
        TokenExample.FromText([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]),
        TokenExample.FromCompletion([18, 19], [20, 21, 22, 23, 24]),
        TokenExample.FromCompletion([25], [26]),
    ];

    [Fact]
    public void Accumulating_micro_batches_gives_the_gradients_and_loss_of_one_batch_with_the_same_tokens()
    {
        using var scope = NewDisposeScope();
        var objective = new CausalLmObjective();
        var (wholeLoss, wholeGradients) = Gradients(objective, [TokenBatch.Collate(Examples)]);

        var (accumulatedLoss, accumulatedGradients) = Gradients(objective,
            [TokenBatch.Collate(Examples[..1]), TokenBatch.Collate(Examples[1..2]), TokenBatch.Collate(Examples[2..])]);

        Assert.Equal(17, accumulatedLoss.Units);
        Assert.Equal(wholeLoss.Loss, accumulatedLoss.Loss, 1e-6);
        foreach (var (name, gradient) in wholeGradients) TensorAssert.Close(gradient, accumulatedGradients[name], 1e-6);
    }

    [Fact]
    public void The_step_loss_weighs_every_token_alike_not_every_micro_batch()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var batches = new[] { TokenBatch.Collate(Examples[..1]), TokenBatch.Collate(Examples[1..2]) };
        var sums = batches.Select(batch => CausalLmLoss.Sum(model.call(batch.InputIds), batch.Labels)).ToList();

        var loss = GradientAccumulation.Backward(model, new CausalLmObjective(), batches);

        Assert.Equal((sums[0].Sum.item<float>() + sums[1].Sum.item<float>()) / 11, loss.Loss, 1e-6);
        Assert.NotEqual((sums[0].Sum.item<float>() / 2 + sums[1].Sum.item<float>() / 9) / 2, loss.Loss, 1e-3);
    }

    private static (AccumulatedLoss Loss, Dictionary<string, Tensor> Gradients) Gradients(CausalLmObjective objective, TokenBatch[] batches)
    {
        using var model = TinyGpt2.Create();
        var loss = GradientAccumulation.Backward(model, objective, batches);
        return (loss, model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone()));
    }
}
