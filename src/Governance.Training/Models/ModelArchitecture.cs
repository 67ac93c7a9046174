using Governance.Training.Models.Gpt2;
using Governance.Training.Models.Llama;
using static TorchSharp.torch;

namespace Governance.Training.Models;

/// <summary>
/// What differs between the supported architectures outside the model itself: the config.json model_type values each
/// serves and the LoRA layers PEFT targets by default.
/// </summary>
/// <param name="Name">The architecture's name.</param>
/// <param name="ModelTypes">The config.json model_type values it loads.</param>
/// <param name="DefaultLoraTargets">PEFT's default target_modules for it.</param>
/// <param name="FanInFanOut">True when its linear layers store weights [in, out] (GPT-2's Conv1D).</param>
public sealed record ModelArchitecture(string Name, IReadOnlyList<string> ModelTypes, IReadOnlyList<string> DefaultLoraTargets, bool FanInFanOut)
{
    /// <summary>GPT-2: adapters on c_attn, whose Conv1D stores [in, out].</summary>
    public static readonly ModelArchitecture Gpt2 = new("gpt2", ["gpt2"], ["c_attn"], FanInFanOut: true);

    /// <summary>The Llama family (llama, qwen2, mistral): adapters on q_proj and v_proj.</summary>
    public static readonly ModelArchitecture Llama = new("llama", LlamaConfigReader.ModelTypes, ["q_proj", "v_proj"], FanInFanOut: false);

    /// <summary>Every supported architecture.</summary>
    public static readonly IReadOnlyList<ModelArchitecture> All = [Gpt2, Llama];

    /// <summary>The architecture of <paramref name="config"/>'s model_type; an unsupported type is refused by file and field.</summary>
    public static ModelArchitecture Of(ConfigJson config)
    {
        var modelType = config.String("model_type") ?? throw config.Fault("model_type", "is missing");
        return All.FirstOrDefault(architecture => architecture.ModelTypes.Contains(modelType))
               ?? throw config.Fault("model_type", $"'{modelType}' is not supported; use one of {string.Join(", ", All.SelectMany(a => a.ModelTypes))}");
    }

    /// <summary>The longest sequence, in tokens, that a model this engine built reads.</summary>
    public static int ContextLength(nn.Module model) => model switch
    {
        Gpt2LmHeadModel gpt2 => gpt2.Config.ContextLength,
        LlamaForCausalLM llama => llama.Config.ContextLength,
        _ => throw new ArgumentException($"{model.GetType().Name} is not a supported causal language model.", nameof(model)),
    };

    /// <summary>The architecture of a model this engine built.</summary>
    public static ModelArchitecture Of(nn.Module model) => model switch
    {
        Gpt2LmHeadModel => Gpt2,
        LlamaForCausalLM => Llama,
        _ => throw new ArgumentException($"{model.GetType().Name} is not a supported causal language model.", nameof(model)),
    };
}
