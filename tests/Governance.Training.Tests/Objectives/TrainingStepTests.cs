using Governance.Training.Lora;
using Governance.Training.Objectives;
using Governance.Training.Tests.Lora;
using Governance.Training.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Objectives;

public sealed class TrainingStepTests
{
    [Fact]
    public void Full_fine_tuning_with_AdamW_halves_the_completion_loss_of_a_fixed_batch_in_twenty_steps()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var tokens = TinyGpt2.Tokens(seed: 12, batch: 4, time: 12);
        var labels = CompletionLabels.Build(tokens, promptLengths: [4, 4, 6, 6], sequenceLengths: [12, 12, 12, 10]);
        using var optimizer = optim.AdamW(model.parameters(), lr: 3e-3, weight_decay: 0.01);

        var losses = Enumerable.Range(0, 20).Select(_ => TrainingStep.Run(model, optimizer, tokens, labels)).ToList();

        Assert.InRange(losses[0], Math.Log(50) - 0.5, Math.Log(50) + 0.5);
        Assert.True(losses[^1] < losses[0] / 2, $"loss went from {losses[0]:F3} to {losses[^1]:F3}");
    }

    [Fact]
    public void LoRA_training_lowers_the_loss_and_leaves_every_base_weight_bit_for_bit_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        LoraModel.Apply(model, LoraTestModels.Config with { Settings = new() { Rank = 8, Alpha = 16 } });
        var tokens = TinyGpt2.Tokens(seed: 13, batch: 4, time: 12);
        var labels = CompletionLabels.Build(tokens, promptLengths: [3, 3, 3, 3], sequenceLengths: [12, 12, 12, 12]);
        using var optimizer = optim.AdamW(model.parameters().Where(p => p.requires_grad), lr: 2e-2);

        var losses = Enumerable.Range(0, 20).Select(_ => TrainingStep.Run(model, optimizer, tokens, labels)).ToList();

        Assert.True(losses[^1] < losses[0] - 0.4, $"loss went from {losses[0]:F3} to {losses[^1]:F3}");
        var after = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, original) in before) TensorAssert.BitEqual(original, after[name]);
    }
}
