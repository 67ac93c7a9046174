using static TorchSharp.torch;

namespace Governance.Training.Benchmarks;

/// <summary>
/// The FLOP convention for model FLOP utilisation. N counts the weights that take part in matrix products: every
/// parameter of two or more dimensions except embedding lookups (an untied LM head counts, a tied one is the embedding).
/// Per token: 6N + 12·L·d·T for full training, 4N + 12·L·d·T with LoRA (the frozen base needs no weight gradients),
/// where the second term is attention's score and mixing products over a sequence of T tokens.
/// </summary>
public static class ModelFlops
{
    /// <summary>N for <paramref name="model"/>: matrix weights, embeddings (named by <paramref name="isEmbedding"/>) left out.</summary>
    public static long MatmulWeights(nn.Module model, Func<string, bool> isEmbedding) =>
        model.named_parameters()
            .Where(p => p.parameter.dim() >= 2 && !isEmbedding(p.name) && !p.name.Contains(".lora_", StringComparison.Ordinal))
            .Sum(p => p.parameter.numel());

    /// <summary>Training FLOPs per token.</summary>
    public static double PerToken(long matmulWeights, int layers, int modelWidth, int sequence, bool lora) =>
        (lora ? 4.0 : 6.0) * matmulWeights + 12.0 * layers * modelWidth * sequence;
}
