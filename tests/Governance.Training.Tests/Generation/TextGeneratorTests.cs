using Governance.Training.Generation;
using Governance.Training.Tests.Evaluation;
using Governance.Training.Tests.Models;

namespace Governance.Training.Tests.Generation;

public sealed class TextGeneratorTests
{
    private const int MaxPositions = 16; // TinyGpt2's context
    private static readonly int[] Prompt = [1, 2, 3];

    private static TextGenerator GeneratorFor(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model) =>
        new(model, PieceCodec.Codec, MaxPositions);

    [Theory]
    [InlineData(3, 6)]
    [InlineData(14, 8)] // 22 tokens in the end: the context slides over the model's 16 positions
    public void Greedy_generation_is_the_argmax_chain_of_the_models_logits(int promptLength, int newTokens)
    {
        using var model = TinyGpt2.Create(seed: 3);
        var prompt = Enumerable.Range(5, promptLength).ToArray();

        var result = GeneratorFor(model).Generate(prompt, GenerationSettings.Greedy(newTokens));

        Assert.Equal(HandComputation.GreedyChain(model, prompt, newTokens, MaxPositions), result.TokenIds);
        Assert.Equal(GenerationStop.Length, result.Stop);
        Assert.Equal(PieceCodec.Codec.Decode(result.TokenIds), result.Text);
    }

    [Theory]
    [InlineData(1e-6, 1.0)]  // temperature near zero puts all mass on the argmax
    [InlineData(1.0, 1e-6)]  // a tiny nucleus keeps only the argmax
    public void Sampling_collapses_to_greedy_at_the_limits(double temperature, double topP)
    {
        using var model = TinyGpt2.Create(seed: 4);
        var generator = GeneratorFor(model);

        var sampled = generator.Generate(Prompt, new GenerationSettings { MaxNewTokens = 10, Temperature = temperature, TopP = topP, Seed = 99 });

        Assert.Equal(generator.Generate(Prompt, GenerationSettings.Greedy(10)).TokenIds, sampled.TokenIds);
    }

    [Fact]
    public void Sampling_with_a_seed_repeats_and_another_seed_gives_another_text()
    {
        using var model = TinyGpt2.Create(seed: 5);
        var generator = GeneratorFor(model);
        GenerationSettings Seeded(ulong seed) => new() { MaxNewTokens = 12, Temperature = 1, TopP = 0.95, Seed = seed };

        var first = generator.Generate(Prompt, Seeded(7)).TokenIds;

        Assert.Equal(first, generator.Generate(Prompt, Seeded(7)).TokenIds);
        Assert.NotEqual(first, generator.Generate(Prompt, Seeded(8)).TokenIds);
        Assert.NotEqual(first, generator.Generate(Prompt, GenerationSettings.Greedy(12)).TokenIds);
    }

    [Fact]
    public void A_stop_sequence_across_a_token_boundary_ends_generation_and_is_cut_off()
    {
        using var model = TinyGpt2.Create(seed: 6);
        var generator = GeneratorFor(model);
        var full = generator.Generate(Prompt, GenerationSettings.Greedy(10)).Text;
        var stop = full.Substring(5, 2); // the last character of the third token and the first of the fourth
        var stopAt = full.IndexOf(stop, StringComparison.Ordinal);

        var result = generator.Generate(Prompt, GenerationSettings.Greedy(10) with { StopSequences = ["never there", stop] });

        Assert.Equal(full[..stopAt], result.Text);
        Assert.Equal(GenerationStop.StopSequence, result.Stop);
        Assert.Equal((stopAt + stop.Length + 1) / 2, result.TokenIds.Count); // it stopped at the token that completed the stop text
    }

    [Fact]
    public void The_end_of_sequence_token_ends_generation_and_is_left_out()
    {
        using var model = TinyGpt2.Create(seed: 7);
        var generator = GeneratorFor(model);
        var sampled = new GenerationSettings { MaxNewTokens = 10, Temperature = 1, Seed = 4 }; // an untrained model's greedy chain repeats itself
        var chain = generator.Generate(Prompt, sampled).TokenIds;
        var eosAt = Enumerable.Range(1, chain.Count - 1).First(i => !chain.Take(i).Contains(chain[i]));

        var result = generator.Generate(Prompt, sampled with { EosTokenId = chain[eosAt] });

        Assert.Equal(chain.Take(eosAt), result.TokenIds);
        Assert.Equal(GenerationStop.EndOfSequence, result.Stop);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Generation_adds_at_most_the_maximum_number_of_tokens(int maxNewTokens)
    {
        using var model = TinyGpt2.Create(seed: 8);
        var result = GeneratorFor(model).Generate(Prompt, new GenerationSettings { MaxNewTokens = maxNewTokens, Temperature = 1, Seed = 1 });
        Assert.Equal((maxNewTokens, GenerationStop.Length), (result.TokenIds.Count, result.Stop));
    }

    [Fact]
    public void Generating_in_the_middle_of_training_leaves_the_model_in_training_mode()
    {
        using var model = TinyGpt2.Create(seed: 9);
        model.train();
        GeneratorFor(model).Generate(Prompt, GenerationSettings.Greedy(2));
        Assert.True(model.training);
    }

    [Theory]
    [InlineData(-1, 1.0, "Temperature")]
    [InlineData(0, 0.0, "TopP")]
    [InlineData(0, 1.5, "TopP")]
    public void Settings_out_of_range_are_refused_by_name(double temperature, double topP, string setting)
    {
        using var model = TinyGpt2.Create(seed: 10);
        var error = Assert.Throws<ArgumentException>(() => GeneratorFor(model).Generate(Prompt, new GenerationSettings { Temperature = temperature, TopP = topP }));
        Assert.Contains(setting, error.Message);
    }
}
