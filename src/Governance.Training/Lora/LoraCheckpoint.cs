using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Lora;

/// <summary>Saves and loads adapters as PEFT does: adapter_config.json and adapter_model.safetensors.</summary>
public static class LoraCheckpoint
{
    /// <summary>The file name PEFT gives the adapter weights.</summary>
    public const string WeightsFileName = "adapter_model.safetensors";

    // PEFT names saved weights by the wrapped model's path: PeftModel.base_model (LoraModel) .model (the HF model).
    private const string KeyPrefix = "base_model.model.";

    /// <summary>The saved key of a layer's A or B weight, e.g. base_model.model.transformer.h.0.attn.c_attn.lora_A.weight.</summary>
    public static string Key(string modulePath, string matrix) => $"{KeyPrefix}{modulePath}.{matrix}.weight";

    /// <summary>Writes the adapters attached to <paramref name="model"/> and <paramref name="config"/> to <paramref name="directory"/>.</summary>
    public static void Save(nn.Module model, LoraAdapterConfig config, string directory)
    {
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var (path, host) in LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null))
        {
            tensors[Key(path, "lora_A")] = host.Lora!.A.weight!.ToSafetensors();
            tensors[Key(path, "lora_B")] = host.Lora.B.weight!.ToSafetensors();
        }
        if (tensors.Count == 0) throw new InvalidOperationException("The model carries no LoRA adapter to save.");
        Directory.CreateDirectory(directory);
        config.Write(Path.Combine(directory, LoraAdapterConfig.FileName));
        SafetensorsWriter.Write(Path.Combine(directory, WeightsFileName), tensors, new Dictionary<string, string> { ["format"] = "pt" });
    }

    /// <summary>
    /// Attaches the adapters saved in <paramref name="directory"/> (by this engine or by PEFT) to <paramref name="model"/>,
    /// freezing its base; a missing, mis-shaped or unused adapter tensor is refused by name.
    /// </summary>
    public static LoraAdapterConfig Load(nn.Module model, string directory)
    {
        var config = LoraAdapterConfig.Read(Path.Combine(directory, LoraAdapterConfig.FileName));
        var weights = SafetensorsCheckpoint.OpenFile(Path.Combine(directory, WeightsFileName));
        var used = new HashSet<string>(StringComparer.Ordinal);
        LoraModel.Apply(model, config);
        foreach (var (path, host) in LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null))
        {
            weights.CopyInto(Key(path, "lora_A"), host.Lora!.A.weight!);
            weights.CopyInto(Key(path, "lora_B"), host.Lora.B.weight!);
            used.UnionWith([Key(path, "lora_A"), Key(path, "lora_B")]);
        }
        var unused = weights.Names.Where(key => !used.Contains(key)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
            throw new InvalidDataException($"{WeightsFileName} holds tensors for no targeted layer: {string.Join(", ", unused.Take(5))}.");
        return config;
    }
}
