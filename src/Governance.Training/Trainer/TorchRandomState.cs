using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>Torch's default (CPU) generator state as text, so a resumed run draws the same dropout masks.</summary>
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
