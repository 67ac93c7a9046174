using Governance.Training.Generation;
using Governance.Training.Lora;
using Governance.Training.Models;
using Governance.Training.Tests.Evaluation;
using Governance.Training.Tests.Models;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Generation;

public sealed class KeyValueCacheTests
{
    public static TheoryData<string> Models => ["gpt2", "llama", "qwen2", "llama+lora"];

    private static nn.Module<Tensor, Tensor> Create(string kind)
    {
        switch (kind)
        {
            case "gpt2": return TinyGpt2.Create(seed: 5);
            case "qwen2": return TinyLlama.Create(seed: 5, config: TinyLlama.Qwen2Config);
            case "llama": return TinyLlama.Create(seed: 5);
            default:
                var model = TinyLlama.Create(seed: 5);
                LoraModel.Apply(model, new LoraAdapterConfig { TargetModules = ["q_proj", "k_proj", "v_proj"], BaseModelNameOrPath = "tiny-llama" });
                using (no_grad())
                    foreach (var (_, host) in LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null)) host.Lora!.B.weight!.normal_(0, 0.3);
                return model;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_prompt_then_one_token_at_a_time_from_the_cache_gives_the_logits_of_reading_everything_at_once(string kind)
    {
        using var scope = NewDisposeScope();
        using var model = Create(kind);
        model.eval();
        using var noGrad = no_grad();
        var tokens = randint(3, 40, [2, 12], dtype: ScalarType.Int64);
        var whole = model.call(tokens);

        using var cache = new KeyValueCache(((ICachedCausalLm)model).CachedLayers);
        var pieces = new List<Tensor> { ((ICachedCausalLm)model).Forward(tokens[.., ..5], cache) };
        for (var t = 5; t < 12; t++) pieces.Add(((ICachedCausalLm)model).Forward(tokens[.., t..(t + 1)], cache));

        Assert.Equal(12, cache.Length);
        var stepwise = cat(pieces, 1);
        Assert.Equal(whole.shape, stepwise.shape);
        Assert.True(whole.sub(stepwise).abs().max().item<float>() < 1e-4f, $"largest difference {whole.sub(stepwise).abs().max().item<float>()}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Cached_greedy_generation_is_the_argmax_chain_also_once_the_context_slides(string kind)
    {
        using var model = Create(kind);
        int[] prompt = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

        var result = new TextGenerator(model, PieceCodec.Codec, maxPositions: 16).Generate(prompt, GenerationSettings.Greedy(12));

        Assert.Equal(HandComputation.GreedyChain(model, prompt, 12, maxPositions: 16), result.TokenIds);
    }

    [Fact]
    public void After_the_first_pass_a_cached_model_takes_one_token_at_a_time()
    {
        using var scope = NewDisposeScope();
        using var model = TinyGpt2.Create();
        using var noGrad = no_grad();
        using var cache = new KeyValueCache(model.CachedLayers);
        model.Forward(TinyGpt2.Tokens(1, batch: 1, time: 4), cache);

        Assert.Throws<ArgumentException>(() => model.Forward(TinyGpt2.Tokens(2, batch: 1, time: 2), cache));
    }
}
