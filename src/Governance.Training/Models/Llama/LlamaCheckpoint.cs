using Governance.Training.Models.Gpt2;
using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Models.Llama;

/// <summary>Loads and saves Llama-family models in the Hugging Face folder layout: config.json and model.safetensors.</summary>
public static class LlamaCheckpoint
{
    /// <summary>Builds the model that <paramref name="directory"/>'s config.json describes and loads its weights by name.</summary>
    public static LlamaForCausalLM Load(string directory)
    {
        var config = LlamaConfigReader.Read(Path.Combine(directory, ConfigJson.FileName));
        var checkpoint = SafetensorsCheckpoint.Open(directory);
        var model = new LlamaForCausalLM(config);
        try
        {
            ModuleWeights.Load(model, checkpoint, "model.", IsIgnorable(config));
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="directory"/>, creating it when absent; config.json states the
    /// dtype the weights are saved in.
    /// </summary>
    public static void Save(LlamaForCausalLM model, string directory)
    {
        Directory.CreateDirectory(directory);
        var dtype = model.parameters().First().dtype;
        LlamaConfigWriter.Write(model.Config with { TorchDtype = DtypeName(dtype) }, Path.Combine(directory, ConfigJson.FileName));
        SafetensorsWriter.Write(Path.Combine(directory, SafetensorsCheckpoint.SingleFileName), ModuleWeights.ToSafetensors(model), Gpt2Checkpoint.Metadata);
    }

    /// <summary>The torch_dtype spelling of <paramref name="dtype"/> ("float32", "bfloat16", "float16").</summary>
    public static string DtypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float16 => "float16",
        ScalarType.Float64 => "float64",
        _ => throw new NotSupportedException($"A model in {dtype} cannot be saved as a Hugging Face checkpoint."),
    };

    // Older checkpoints store each layer's rotary inv_freq buffer, and some tied ones store the head twice; the model
    // recomputes the one and shares the other.
    private static Func<string, bool> IsIgnorable(LlamaConfig config) => name =>
        name.EndsWith(".rotary_emb.inv_freq", StringComparison.Ordinal) || (config.TieWordEmbeddings && name == "lm_head.weight");
}
