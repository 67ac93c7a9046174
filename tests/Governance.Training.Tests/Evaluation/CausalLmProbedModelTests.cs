using Governance.Core.Bias;
using Governance.Training.Evaluation;
using Governance.Training.Models.Gpt2;
using Governance.Training.Objectives;
using Governance.Training.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Evaluation;

public sealed class CausalLmProbedModelTests
{
    private const int MaxPositions = 16;

    private static BiasConfiguration Axis(string first, string second) => new()
    {
        Axes = [new BiasAxis { Name = "gender", CounterfactualPairs = [new CounterfactualPair { First = first, Second = second }] }],
    };

    [Theory]
    [InlineData("he said", "he is a doctor")]
    [InlineData("the nurse and the doctor went to work and he said she went home late and", "she is a nurse")] // 20 tokens: the prompt is trimmed
    public void Score_is_the_summed_log_likelihood_of_the_completion_tokens_after_the_prompt(string prompt, string completion)
    {
        using var model = TinyGpt2.Create(seed: 31);
        var ids = WordCodec.Codec.Encode(prompt).Concat(WordCodec.Codec.Encode(completion)).TakeLast(MaxPositions).ToList();
        var logits = HandComputation.Logits(model, ids);
        var completionTokens = WordCodec.Codec.Encode(completion).Count;
        var expected = Enumerable.Range(ids.Count - completionTokens, completionTokens).Sum(t => HandComputation.LogProbability(logits[t - 1], ids[t]));

        var (logLikelihood, tokens) = new CausalLmProbedModel(model, WordCodec.Codec, MaxPositions).Score(prompt, completion);

        Assert.Equal(completionTokens, tokens);
        Assert.Equal(expected, logLikelihood, 1e-4);
    }

    [Fact]
    public void An_empty_completion_scores_nothing()
    {
        using var model = TinyGpt2.Create(seed: 32);
        Assert.Equal((0.0, 0), new CausalLmProbedModel(model, WordCodec.Codec, MaxPositions).Score("he said", ""));
    }

    [Fact]
    public void A_model_trained_on_a_stereotype_shows_a_positive_gap_and_flips_its_answers()
    {
        using var model = TrainedOnStereotypes();
        ProbeExample[] examples = [new("he said", "he is a doctor"), new("she said", "she is a nurse")];

        var probe = Assert.Single(BiasProbe.Run(Axis("he", "she"), examples, new CausalLmProbedModel(model, WordCodec.Codec, MaxPositions, WordCodec.Eos)));

        Assert.Equal(2, probe.Pairs);
        // Only the answer word of four differs in likelihood: 0.5 per token is 2 nats on it, in favour of the trained side both times.
        Assert.True(probe.MeanGap > 0.5, $"mean gap {probe.MeanGap}: the stereotyped completion should be far likelier");
        Assert.Equal(probe.MeanAbsoluteGap, probe.MeanGap, 12);
        Assert.Equal(1.0, probe.FlipRate);
    }

    [Fact]
    public void Terms_the_model_cannot_tell_apart_give_no_gap_and_no_flip()
    {
        using var model = TrainedOnStereotypes();
        // Neither word is in the vocabulary, so both sides encode to the same tokens.
        ProbeExample[] examples = [new("zorp said", "he is a doctor"), new("blip said", "she is a nurse")];

        var probe = Assert.Single(BiasProbe.Run(Axis("zorp", "blip"), examples, new CausalLmProbedModel(model, WordCodec.Codec, MaxPositions, WordCodec.Eos)));

        Assert.Equal((2, 0.0, 0.0, 0.0), (probe.Pairs, probe.MeanGap, probe.MeanAbsoluteGap, probe.FlipRate));
    }

    private static Gpt2LmHeadModel TrainedOnStereotypes()
    {
        var model = TinyGpt2.Create(seed: 33); // made outside the scope, which would dispose its parameters
        using var scope = NewDisposeScope();
        var ids = tensor(new[] { "he said he is a doctor <eos>", "she said she is a nurse <eos>" }
            .SelectMany(text => WordCodec.Codec.Encode(text).Select(id => (long)id)).ToArray()).reshape(2, 7);
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);
        for (var step = 0; step < 60; step++) TrainingStep.Run(model, optimizer, ids, ids);
        return model;
    }
}
