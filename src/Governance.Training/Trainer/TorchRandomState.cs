using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>
/// Torch's default (CPU) generator state as text, so a resumed run draws the same dropout masks. TorchSharp 0.107 does
/// not expose the CUDA generator's state, so on a GPU a resumed run with dropout draws other masks than the
/// uninterrupted one would have (without dropout nothing is drawn after the adapters are built).
/// </summary>
public static class TorchRandomState
{
    /// <summary>The generator's state now, base64.</summary>
    public static string Capture()
    {
        using var state = get_rng_state();
        return Convert.ToBase64String(state.bytes.ToArray());
    }

    /// <summary>Sets the generator to a state from <see cref="Capture"/>.</summary>
    public static void Restore(string captured)
    {
        var bytes = Convert.FromBase64String(captured);
        using var state = empty(bytes.Length, ScalarType.Byte);
        state.bytes = bytes;
        set_rng_state(state);
    }
}
