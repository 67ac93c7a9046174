using Governance.Training.Models.Llama;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>A Llama small enough for tests to build, run and save in milliseconds: 4 query heads sharing 2 key/value heads.</summary>
public static class TinyLlama
{
    public static readonly LlamaConfig Config = new()
    {
        ModelType = "llama", VocabSize = 97, HiddenSize = 32, IntermediateSize = 48, LayerCount = 2, HeadCount = 4,
        KeyValueHeadCount = 2, HeadSize = 8, ContextLength = 16, RmsNormEpsilon = 1e-5, RopeTheta = 10000,
        TieWordEmbeddings = false, BosTokenId = 1, EosTokenIds = [2],
    };

    /// <summary>A Qwen2-style variant: q, k and v biases, no o bias, tied head, a larger rope_theta.</summary>
    public static readonly LlamaConfig Qwen2Config = Config with
    {
        ModelType = "qwen2", QkvBias = true, TieWordEmbeddings = true, RopeTheta = 1_000_000,
    };

    /// <summary>
    /// A model whose every parameter, norm weights and biases included, is drawn at random with a spread large enough
    /// that each part of the computation shows in the logits.
    /// </summary>
    public static LlamaForCausalLM Create(int seed = 1, LlamaConfig? config = null)
    {
        manual_seed(seed);
        var model = new LlamaForCausalLM(config ?? Config);
        using var _ = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var noise = randn(parameter.shape);
            parameter.copy_(name.EndsWith("norm.weight", StringComparison.Ordinal) ? noise.mul_(0.2).add_(1) : noise.mul_(0.3));
        }
        return model;
    }

    public static Tensor Tokens(int seed, long batch = 2, long time = 8)
    {
        manual_seed(seed);
        return randint(0, Config.VocabSize, [batch, time], dtype: ScalarType.Int64);
    }
}
