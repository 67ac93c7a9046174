using Governance.Training.Models.Gpt2;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>A GPT-2 small enough for tests to build, run and save in milliseconds.</summary>
public static class TinyGpt2
{
    /// <summary>Dropout off, so outputs in training mode are repeatable.</summary>
    public static readonly Gpt2Config Config = new()
    {
        VocabSize = 50, ContextLength = 16, EmbeddingSize = 64, LayerCount = 2, HeadCount = 4,
        EmbeddingDropout = 0, AttentionDropout = 0, ResidualDropout = 0,
    };

    public static Gpt2LmHeadModel Create(int seed = 1, Gpt2Config? config = null)
    {
        manual_seed(seed);
        return new Gpt2LmHeadModel(config ?? Config);
    }

    public static Tensor Tokens(int seed, long batch = 2, long time = 8)
    {
        manual_seed(seed);
        return randint(0, Config.VocabSize, [batch, time], dtype: ScalarType.Int64);
    }
}
