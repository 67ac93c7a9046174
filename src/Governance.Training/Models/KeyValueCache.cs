using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>
/// The keys and values of the positions a model has already read, per layer ([batch, key/value heads, time,
/// head_dim], keys after their rotation), so that generation feeds only the newest token. The tensors are owned by the
/// cache, outside any dispose scope, until it is disposed.
/// </summary>
public sealed class KeyValueCache(int layers) : IDisposable
{
    private readonly (Tensor Keys, Tensor Values)?[] _layers = new (Tensor, Tensor)?[layers];

    /// <summary>The positions held: the position of the next token fed.</summary>
    public long Length { get; private set; }

    /// <summary>
    /// Whether tokens fed now need a causal mask among themselves: only the first, uncached pass does. After it the model
    /// takes one token at a time, which may attend to every cached position.
    /// </summary>
    public static bool IsCausal(KeyValueCache? cache, long newTokens)
    {
        if (cache is null || cache.Length == 0) return true;
        if (newTokens != 1) throw new ArgumentException($"After the first pass a cached model takes one token at a time, not {newTokens}.", nameof(newTokens));
        return false;
    }

    /// <summary>Adds <paramref name="layer"/>'s keys and values of the tokens fed now and returns those of every position.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        var held = _layers[layer];
        var all = held is { } h ? (cat([h.Keys, keys], 2), cat([h.Values, values], 2)) : (keys.clone(), values.clone());
        all.Item1.DetachFromDisposeScope();
        all.Item2.DetachFromDisposeScope();
        if (held is { } old)
        {
            old.Keys.Dispose();
            old.Values.Dispose();
        }
        _layers[layer] = all;
        return all;
    }

    /// <summary>Moves past the tokens just fed; the model calls it once per pass, after its last layer.</summary>
    public void Advance(long tokens) => Length += tokens;

    public void Dispose()
    {
        foreach (var held in _layers)
        {
            held?.Keys.Dispose();
            held?.Values.Dispose();
        }
        Array.Clear(_layers);
    }
}
