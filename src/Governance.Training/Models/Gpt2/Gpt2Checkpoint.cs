using Governance.Training.Safetensors;

namespace Governance.Training.Models.Gpt2;

/// <summary>Loads and saves GPT-2 models in the Hugging Face folder layout: config.json and model.safetensors.</summary>
public static class Gpt2Checkpoint
{
    /// <summary>The metadata transformers writes into model.safetensors; it checks it on load.</summary>
    public static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string> { ["format"] = "pt" };

    /// <summary>Builds the model that <paramref name="directory"/>'s config.json describes and loads its weights by name.</summary>
    public static Gpt2LmHeadModel Load(string directory)
    {
        var config = Gpt2Config.Read(Path.Combine(directory, Gpt2Config.FileName));
        var checkpoint = SafetensorsCheckpoint.Open(directory);
        var model = new Gpt2LmHeadModel(config);
        try
        {
            ModuleWeights.Load(model, checkpoint, "transformer.", IsIgnorable(config));
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="directory"/>, creating it when absent.</summary>
    public static void Save(Gpt2LmHeadModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        model.Config.Write(Path.Combine(directory, Gpt2Config.FileName));
        SafetensorsWriter.Write(Path.Combine(directory, SafetensorsCheckpoint.SingleFileName), ModuleWeights.ToSafetensors(model), Metadata);
    }

    // Older GPT-2 files also store the causal-mask buffers (attn.bias, attn.masked_bias), and some store a tied head
    // twice; none of them are weights this model needs.
    private static Func<string, bool> IsIgnorable(Gpt2Config config) => name =>
        name.EndsWith(".attn.bias", StringComparison.Ordinal) || name.EndsWith(".attn.masked_bias", StringComparison.Ordinal)
        || (config.TieWordEmbeddings && name == "lm_head.weight");
}
