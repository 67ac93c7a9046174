using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Generation;

/// <summary>Picks the next token from a position's logits: greedily, or sampled with temperature and nucleus (top-p) filtering.</summary>
public static class NextTokenSampler
{
    /// <summary>
    /// The next token for <paramref name="logits"/> [vocab]: the argmax when <see cref="GenerationSettings.Temperature"/>
    /// is 0, else a draw from <paramref name="generator"/> (a CPU generator; sampling runs on the CPU in double precision
    /// so that a seed gives the same draw on any device).
    /// </summary>
    public static int Pick(Tensor logits, GenerationSettings settings, Generator? generator)
    {
        using var scope = NewDisposeScope();
        if (settings.Temperature == 0 || generator is null) return (int)logits.argmax().item<long>();
        var probabilities = nn.functional.softmax(logits.detach().cpu().to_type(ScalarType.Float64) / settings.Temperature, 0);
        if (settings.TopP < 1) probabilities = Nucleus(probabilities, settings.TopP);
        return (int)multinomial(probabilities, 1, generator: generator).item<long>();
    }

    /// <summary>
    /// <paramref name="probabilities"/> [vocab] restricted to the fewest most likely tokens whose mass reaches
    /// <paramref name="topP"/> (the most likely token always stays), renormalised to sum to 1.
    /// </summary>
    public static Tensor Nucleus(Tensor probabilities, double topP)
    {
        using var scope = NewDisposeScope();
        var (sorted, order) = probabilities.sort(descending: true);
        var massBefore = sorted.cumsum(0) - sorted;
        var kept = sorted * massBefore.lt(topP);
        var filtered = zeros_like(probabilities).scatter(0, order, kept);
        return (filtered / filtered.sum()).MoveToOuterDisposeScope();
    }
}
