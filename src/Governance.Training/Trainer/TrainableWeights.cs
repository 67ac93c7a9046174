using Governance.Training.Safetensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>
/// The parameters a run trains (those requiring gradients: the adapters under LoRA, every weight under full
/// fine-tuning), copied out by name and back bit for bit.
/// </summary>
public static class TrainableWeights
{
    /// <summary>The trainable parameters of <paramref name="model"/> by name, in registration order.</summary>
    public static IReadOnlyList<(string Name, Parameter Parameter)> Of(nn.Module model) =>
        [.. model.named_parameters().Where(pair => pair.parameter.requires_grad)];

    /// <summary>A copy of the trainable parameters' values, independent of later training.</summary>
    public static IReadOnlyDictionary<string, SafetensorsTensor> Snapshot(nn.Module model) =>
        Of(model).ToDictionary(pair => pair.Name, pair => pair.Parameter.ToSafetensors(), StringComparer.Ordinal);

    /// <summary>Puts <paramref name="weights"/> into the trainable parameters of the same names; any gap or surplus is refused by name.</summary>
    public static void Restore(nn.Module model, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        var parameters = Of(model);
        var missing = parameters.Select(pair => pair.Name).Where(name => !weights.ContainsKey(name)).ToList();
        var surplus = weights.Keys.Except(parameters.Select(pair => pair.Name)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || surplus.Count > 0)
            throw new InvalidDataException("The saved weights do not fit the model's trainable parameters" +
                $"{Listed(" (missing: ", missing)}{Listed(" (not in the model: ", surplus)}; build the model as the run that saved them did.");
        using var _ = no_grad();
        foreach (var (name, parameter) in parameters)
        {
            var stored = weights[name];
            if (!stored.Shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException($"Saved weight '{name}' has shape [{string.Join(", ", stored.Shape)}]; the model needs [{string.Join(", ", parameter.shape)}].");
            using var tensor = stored.ToTorch();
            parameter.copy_(tensor);
        }
    }

    /// <summary>Writes <paramref name="weights"/> as a safetensors file.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, SafetensorsTensor> weights) =>
        SafetensorsWriter.Write(path, weights, new Dictionary<string, string> { ["format"] = "pt" });

    /// <summary>Reads every tensor of a safetensors file written by <see cref="Write"/>.</summary>
    public static IReadOnlyDictionary<string, SafetensorsTensor> Read(string path)
    {
        var file = SafetensorsCheckpoint.OpenFile(path);
        return file.Names.ToDictionary(name => name, file.Read, StringComparer.Ordinal);
    }

    private static string Listed(string label, List<string> names) =>
        names.Count == 0 ? "" : $"{label}{string.Join(", ", names.Take(5))})";
}
