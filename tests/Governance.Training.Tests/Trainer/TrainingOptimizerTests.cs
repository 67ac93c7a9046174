using Governance.Training.Trainer;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Trainer;

public sealed class TrainingOptimizerTests
{
    [Fact]
    public void AdamW_decays_weights_apart_from_the_gradient_step_with_betas_0_9_and_0_999()
    {
        using var scope = NewDisposeScope();
        var parameter = new Parameter(tensor(new[] { 1.0 }));
        using var optimizer = TrainingOptimizer.Create([parameter], new TrainerSettings { LearningRate = 0.1, WeightDecay = 0.1 });

        var values = Enumerable.Range(0, 2).Select(_ =>
        {
            optimizer.zero_grad();
            parameter.square().sum().backward();
            optimizer.step();
            return parameter.data<double>()[0];
        }).ToList();

        // Step 1: p = 1 * (1 - 0.1 * 0.1) - 0.1 * m^ / sqrt(v^) with m^ = 2, v^ = 4: 0.99 - 0.1 = 0.89 (plus eps's trace).
        Assert.Equal(0.8900000005, values[0], 1e-10);
        // Step 2, g = 1.78: m = 0.9 * 0.2 + 0.1 * 1.78, v = 0.999 * 0.004 + 0.001 * 1.78^2; beta2 = 0.99 would give 0.78154572.
        Assert.Equal(0.7815718559, values[1], 1e-9);
    }

    [Fact]
    public void The_learning_rate_set_for_a_step_is_the_one_the_step_uses()
    {
        using var scope = NewDisposeScope();
        var parameter = new Parameter(tensor(new[] { 1.0 }));
        using var optimizer = TrainingOptimizer.Create([parameter], new TrainerSettings { LearningRate = 0.1 });

        TrainingOptimizer.SetLearningRate(optimizer, 0.01);
        parameter.sum().backward();
        optimizer.step();

        Assert.Equal(0.99, parameter.data<double>()[0], 1e-7);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void Its_steps_match_TorchSharps_AdamW_and_so_do_their_moments(double weightDecay)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var start = randn(64, 32);
        var targets = Enumerable.Range(0, 5).Select(_ => randn(64, 32)).ToList();
        var settings = new TrainerSettings { LearningRate = 0.05, WeightDecay = weightDecay };
        var (ours, theirs) = (new Parameter(start.clone()), new Parameter(start.clone()));
        using var lean = TrainingOptimizer.Create([ours], settings);
        using var reference = new AdamW([theirs], settings.LearningRate, settings.Beta1, settings.Beta2, settings.Epsilon, settings.WeightDecay);

        foreach (var target in targets)
            foreach (var (parameter, optimizer) in new (Parameter, OptimizerHelper)[] { (ours, lean), (theirs, reference) })
            {
                optimizer.zero_grad();
                (parameter - target).pow(3).sum().backward();
                optimizer.step();
            }

        var (a, b) = (ours.data<float>().ToArray(), theirs.data<float>().ToArray());
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.Second, pair.First, 1e-5));
        Assert.True(start.sub(ours).abs().max().item<float>() > 0.1f);
    }
}
