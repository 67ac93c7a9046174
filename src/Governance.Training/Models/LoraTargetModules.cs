using Governance.Training.Lora;
using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>Turns a requested target_modules list into the layer names to adapt, expanding "all-linear" as PEFT does.</summary>
public static class LoraTargetModules
{
    /// <summary>PEFT's shorthand for every linear layer but the output head.</summary>
    public const string AllLinear = "all-linear";

    /// <summary>
    /// <paramref name="requested"/> as given, or, when it is just "all-linear", the distinct last names of every layer
    /// that can carry an adapter, in model order. The head is a plain layer here and never among them, as PEFT leaves
    /// the output embedding out.
    /// </summary>
    public static IReadOnlyList<string> Resolve(nn.Module model, IReadOnlyList<string> requested)
    {
        if (requested.Count == 0) return ModelArchitecture.Of(model).DefaultLoraTargets;
        if (!requested.Contains(AllLinear)) return requested;
        if (requested.Count > 1)
            throw new ArgumentException($"target_modules \"{AllLinear}\" stands alone; it cannot be combined with [{string.Join(", ", requested.Where(t => t != AllLinear))}].", nameof(requested));
        return [.. LoraModel.Hosts(model).Select(pair => pair.Path[(pair.Path.LastIndexOf('.') + 1)..]).Distinct()];
    }

    /// <summary>An adapter config for <paramref name="model"/>: the resolved targets and the architecture's layout.</summary>
    public static LoraAdapterConfig ConfigFor(nn.Module model, LoraSettings settings, IReadOnlyList<string> requested, string baseModel) => new()
    {
        Settings = settings,
        TargetModules = Resolve(model, requested),
        FanInFanOut = ModelArchitecture.Of(model).FanInFanOut,
        BaseModelNameOrPath = baseModel,
    };
}
