using Governance.Training.Safetensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>Copies a module's parameters from and to safetensors by their names, refusing any gap or mismatch.</summary>
public static class ModuleWeights
{
    /// <summary>
    /// Fills every parameter of <paramref name="module"/> from the tensor of the same name (or of that name without
    /// <paramref name="optionalPrefix"/>, as the original GPT-2 files store "h.0..." for "transformer.h.0..."),
    /// converting to the parameter's dtype. Tensors <paramref name="ignorable"/> accepts may be left unused.
    /// </summary>
    public static void Load(nn.Module module, SafetensorsCheckpoint checkpoint, string optionalPrefix, Func<string, bool> ignorable)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            var stripped = name.StartsWith(optionalPrefix, StringComparison.Ordinal) ? name[optionalPrefix.Length..] : name;
            var key = checkpoint.Find(name) is null && checkpoint.Find(stripped) is not null ? stripped : name;
            checkpoint.CopyInto(key, parameter);
            used.Add(key);
        }
        var unexpected = checkpoint.Names.Where(name => !used.Contains(name) && !ignorable(name)).Order(StringComparer.Ordinal).ToList();
        if (unexpected.Count > 0)
            throw new InvalidDataException($"The checkpoint holds tensors the model does not have: {string.Join(", ", unexpected.Take(5))}.");
    }

    /// <summary>Every parameter of <paramref name="module"/> by name, as stored bytes in its own dtype.</summary>
    public static Dictionary<string, SafetensorsTensor> ToSafetensors(nn.Module module) =>
        module.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter.ToSafetensors(), StringComparer.Ordinal);
}
