using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>A causal language model that can continue from a <see cref="KeyValueCache"/> instead of re-reading its context.</summary>
public interface ICachedCausalLm
{
    /// <summary>The layers whose keys and values a cache for this model holds.</summary>
    int CachedLayers { get; }

    /// <summary>
    /// Logits [batch, new, vocab] for token ids [batch, new] at the positions after those <paramref name="cache"/> holds;
    /// adds their keys and values to it. The first pass may feed many tokens, later passes one each.
    /// </summary>
    Tensor Forward(Tensor inputIds, KeyValueCache cache);
}
