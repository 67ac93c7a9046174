using Governance.Training.Lora;
using Governance.Training.Models.Gpt2;
using Governance.Training.Models.Llama;
using Governance.Training.Safetensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>
/// Loads any supported model from a Hugging Face folder (config.json with model.safetensors, or shards listed in
/// model.safetensors.index.json), choosing the architecture by model_type, and saves it back in the same layout.
/// </summary>
public static class CausalLmCheckpoint
{
    /// <summary>
    /// The model in <paramref name="directory"/>, its weights converted to <paramref name="dtype"/> on
    /// <paramref name="device"/> (CPU when null). Faults name the file and, for config.json, the field.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Load(string directory, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var config = ConfigJson.Read(Path.Combine(directory, ConfigJson.FileName));
        var architecture = ModelArchitecture.Of(config);
        // Reading the config first lets its faults name config.json; what fails after that is the weights' fault.
        if (architecture == ModelArchitecture.Gpt2) Gpt2Config.Read(Path.Combine(directory, ConfigJson.FileName));
        else LlamaConfigReader.Read(config);
        nn.Module<Tensor, Tensor> model;
        try
        {
            model = architecture == ModelArchitecture.Gpt2 ? Gpt2Checkpoint.Load(directory) : LlamaCheckpoint.Load(directory);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{WeightsFileName(directory)}: {error.Message}", error);
        }
        model.to(dtype);
        if (device is not null) model.to(device);
        return model;
    }

    /// <summary>Writes <paramref name="model"/> as config.json and model.safetensors (metadata format pt) to <paramref name="directory"/>.</summary>
    public static void Save(nn.Module<Tensor, Tensor> model, string directory)
    {
        if (LoraModel.Hosts(model).Any(pair => pair.Host.Lora is not null))
            throw new InvalidOperationException("The model carries LoRA adapters: merge them (LoraModel.Merge) or save them with LoraCheckpoint.");
        switch (model)
        {
            case Gpt2LmHeadModel gpt2: Gpt2Checkpoint.Save(gpt2, directory); break;
            case LlamaForCausalLM llama: LlamaCheckpoint.Save(llama, directory); break;
            default: throw new ArgumentException($"{model.GetType().Name} is not a supported causal language model.", nameof(model));
        }
    }

    private static string WeightsFileName(string directory) =>
        File.Exists(Path.Combine(directory, SafetensorsCheckpoint.IndexFileName)) ? SafetensorsCheckpoint.IndexFileName : SafetensorsCheckpoint.SingleFileName;
}
