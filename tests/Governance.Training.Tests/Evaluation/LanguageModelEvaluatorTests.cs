using Governance.Core.Evaluation;
using Governance.Training.Evaluation;
using Governance.Training.Objectives;
using Governance.Training.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Evaluation;

public sealed class LanguageModelEvaluatorTests
{
    private const int MaxPositions = 16;

    private static readonly LabelledSequence[] HeldOut =
    [
        LabelledSequence.Completion([1, 2, 3], [4, 5, 6, 7, 8]),           // 5 scored tokens
        LabelledSequence.Completion([9, 10, 11, 12, 13, 14], [15]),        // 1
        LabelledSequence.Completion([20, 21], [22, 23, 24]),               // 3
    ];

    [Fact]
    public void The_nll_is_summed_over_every_scored_token_and_divided_by_their_count_as_computed_by_hand()
    {
        using var model = TinyGpt2.Create(seed: 21);
        var (nll, correct, tokens, perExample) = (0.0, 0, 0, new List<double>());
        foreach (var example in HeldOut)
        {
            var logits = HandComputation.Logits(model, example.InputIds);
            var (sum, count) = (0.0, 0);
            for (var t = 1; t < example.InputIds.Count; t++)
            {
                if (example.Labels[t] == CausalLmLoss.IgnoreIndex) continue;
                sum -= HandComputation.LogProbability(logits[t - 1], example.Labels[t]);
                if (HandComputation.ArgMax(logits[t - 1]) == example.Labels[t]) correct++;
                count++;
            }
            (nll, tokens) = (nll + sum, tokens + count);
            perExample.Add(sum / count);
        }

        var score = LanguageModelEvaluator.Evaluate(model, HeldOut, batchSize: 2, MaxPositions);

        Assert.Equal(9, score.Tokens);
        Assert.Equal(nll / tokens, score.Nll, 1e-5);
        Assert.Equal(Math.Exp(nll / tokens), score.Perplexity, 1e-4);
        Assert.Equal(correct / 9.0, score.TokenAccuracy, 12);
        Assert.True(Math.Abs(perExample.Average() - score.Nll) > 1e-3, "a mean of per-example means would weigh the one-token example as much as the five-token one");
    }

    [Fact]
    public void Batching_and_padding_do_not_change_the_score()
    {
        using var model = TinyGpt2.Create(seed: 22);
        var one = LanguageModelEvaluator.Evaluate(model, HeldOut, batchSize: 1, MaxPositions);
        var all = LanguageModelEvaluator.Evaluate(model, HeldOut, batchSize: 3, MaxPositions);
        Assert.Equal(one.Nll, all.Nll, 1e-5);
        Assert.Equal(one.TokenAccuracy, all.TokenAccuracy);
    }

    [Fact]
    public void Evaluation_turns_dropout_off_and_restores_training_mode()
    {
        using var model = TinyGpt2.Create(seed: 23, TinyGpt2.Config with { EmbeddingDropout = 0.5, ResidualDropout = 0.5 });
        model.train();

        var first = LanguageModelEvaluator.Evaluate(model, HeldOut, batchSize: 2, MaxPositions);
        var second = LanguageModelEvaluator.Evaluate(model, HeldOut, batchSize: 2, MaxPositions);

        Assert.Equal(first, second);
        Assert.True(model.training);
    }

    [Fact]
    public void Text_windows_overlap_by_one_token_so_every_token_but_the_first_is_predicted_once()
    {
        var windows = LabelledSequence.TextWindows([.. Enumerable.Range(0, 10)], length: 4).ToList();

        Assert.Equal([[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 8, 9]], windows.Select(w => w.InputIds.ToArray()));
        using var model = TinyGpt2.Create(seed: 24);
        Assert.Equal(9, LanguageModelEvaluator.Evaluate(model, windows, batchSize: 2, MaxPositions).Tokens);
    }

    [Fact]
    public void A_long_prompt_is_trimmed_from_the_left_but_a_completion_that_does_not_fit_is_refused()
    {
        var longPrompt = LabelledSequence.Completion([.. Enumerable.Range(0, 20)], [30, 31]);
        var longCompletion = LabelledSequence.Completion([1, 2], [.. Enumerable.Range(0, 16)]);

        Assert.Equal([.. Enumerable.Range(6, 14), 30, 31], longPrompt.TrimmedTo(MaxPositions).InputIds);
        Assert.Contains("shorten the completion", Assert.Throws<ArgumentException>(() => longCompletion.TrimmedTo(MaxPositions)).Message);
    }

    [Fact]
    public void Tuning_on_the_domain_lowers_held_out_domain_perplexity_in_the_comparison()
    {
        using var scope = NewDisposeScope();
        using var baseModel = TinyGpt2.Create(seed: 25);
        using var tuned = TinyGpt2.Create(seed: 25);
        var ids = tensor(HeldOut[0].InputIds.Select(id => (long)id).ToArray()).unsqueeze(0);
        var labels = tensor(HeldOut[0].Labels.Select(id => (long)id).ToArray()).unsqueeze(0);
        using var optimizer = optim.AdamW(tuned.parameters(), lr: 3e-3);
        for (var step = 0; step < 10; step++) TrainingStep.Run(tuned, optimizer, ids, labels);
        var general = LabelledSequence.TextWindows([.. Enumerable.Range(30, 20)], MaxPositions).ToList();

        var comparison = LanguageModelEvaluator.Compare(baseModel, tuned, HeldOut[..1], general, batchSize: 4, MaxPositions);

        Assert.True(comparison.DomainPerplexityChange < -0.5, $"domain perplexity changed by {comparison.DomainPerplexityChange:P0}");
        Assert.Equal(19, comparison.TunedGeneral!.Tokens); // every general token but the first: 15 in a window of 16, 4 in the next
        Assert.NotNull(comparison.GeneralPerplexityChange);
    }
}
