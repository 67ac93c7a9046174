using static TorchSharp.torch;

namespace Governance.Training.Lora;

/// <summary>Puts LoRA adapters on a model's targeted layers, freezes the base, and merges adapters back into it.</summary>
public static class LoraModel
{
    /// <summary>The layers of <paramref name="model"/> that can carry an adapter, by module path ("" for the model itself).</summary>
    public static IEnumerable<(string Path, ILoraHost Host)> Hosts(nn.Module model) =>
        // TorchSharp's named_modules leaves out the module itself, which PyTorch lists as "".
        model.named_modules().Prepend(("", model))
            .Where(pair => pair.Item2 is ILoraHost).Select(pair => (pair.Item1, (ILoraHost)pair.Item2));

    /// <summary>
    /// Freezes every base parameter and attaches a fresh adapter to each layer <paramref name="config"/> targets, on the
    /// layer's device. Afterwards only adapter parameters require gradients.
    /// </summary>
    public static IReadOnlyList<string> Apply(nn.Module model, LoraAdapterConfig config)
    {
        foreach (var (_, parameter) in model.named_parameters()) parameter.requires_grad = false;
        var targeted = Hosts(model).Where(pair => config.Targets(pair.Path)).ToList();
        if (targeted.Count == 0)
            throw new InvalidOperationException($"No layer of the model matches target_modules [{string.Join(", ", config.TargetModules)}].");
        foreach (var (_, host) in targeted)
        {
            host.Lora?.Dispose();
            host.Attach(new LoraAdapter(host.InFeatures, host.OutFeatures, config.Settings, host.Weight.device));
        }
        return [.. targeted.Select(pair => pair.Path)];
    }

    /// <summary>
    /// Adds each adapter's weight delta to its layer's weight, computed in fp32 and rounded once to the base dtype, then
    /// removes the adapters: the model is a plain one again, ready to save as a Hugging Face checkpoint. Base parameters
    /// stay frozen as <see cref="Apply"/> left them.
    /// </summary>
    public static void Merge(nn.Module model)
    {
        using var _ = no_grad();
        foreach (var (_, host) in Hosts(model).Where(pair => pair.Host.Lora is not null).ToList())
        {
            using var scope = NewDisposeScope();
            var adapter = host.Lora!;
            var merged = host.Weight.to_type(ScalarType.Float32) + adapter.DeltaWeight(host.FanInFanOut);
            host.Weight.copy_(merged);
            host.Attach(null);
            adapter.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="model"/> as its base until the returned scope is disposed: the adapters are taken off, not
    /// zeroed, so outputs are bit for bit the base's and no adapter work is done.
    /// </summary>
    public static DisabledAdapters DisableAdapters(nn.Module model) => new(model);
}
