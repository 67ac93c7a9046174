using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Training.Lora;

/// <summary>A PEFT LoRA adapter's <c>adapter_config.json</c>: the settings, the layers it targets and its base model.</summary>
public sealed record LoraAdapterConfig
{
    /// <summary>The file name PEFT gives the configuration.</summary>
    public const string FileName = "adapter_config.json";

    /// <summary>Rank, alpha, dropout and scaling rule.</summary>
    public LoraSettings Settings { get; init; } = new();

    /// <summary>Module names (or suffixes after a dot) that get an adapter, as PEFT's target_modules list.</summary>
    public IReadOnlyList<string> TargetModules { get; init; } = [];

    /// <summary>True when the targets store weights [in, out] (GPT-2's Conv1D).</summary>
    public bool FanInFanOut { get; init; }

    /// <summary>The base model's name or folder, as PEFT records it.</summary>
    public string BaseModelNameOrPath { get; init; } = "";

    /// <summary>Whether <paramref name="modulePath"/> is targeted: equal to a target or ending in "." + target.</summary>
    public bool Targets(string modulePath) =>
        TargetModules.Any(target => modulePath == target || modulePath.EndsWith("." + target, StringComparison.Ordinal));

    /// <summary>Writes the fields PEFT needs to load the adapter for causal LM inference.</summary>
    public void Write(string path)
    {
        var json = new JsonObject
        {
            ["peft_type"] = "LORA",
            ["task_type"] = "CAUSAL_LM",
            ["r"] = Settings.Rank,
            ["lora_alpha"] = Settings.Alpha,
            ["lora_dropout"] = Settings.Dropout,
            ["target_modules"] = new JsonArray([.. TargetModules.Select(target => JsonValue.Create(target))]),
            ["bias"] = "none",
            ["fan_in_fan_out"] = FanInFanOut,
            ["use_rslora"] = Settings.UseRsLora,
            ["base_model_name_or_path"] = BaseModelNameOrPath,
            ["inference_mode"] = true,
        };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads a PEFT adapter_config.json, refusing settings this engine would apply differently from PEFT.</summary>
    public static LoraAdapterConfig Read(string path)
    {
        var file = Path.GetFileName(path);
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{file} is not a JSON object.");
        Require(file, (string?)json["peft_type"] == "LORA", "peft_type must be \"LORA\"");
        Require(file, (string?)json["bias"] is null or "none", "only bias \"none\" is supported");
        Require(file, IsEmpty(json["rank_pattern"]) && IsEmpty(json["alpha_pattern"]), "per-layer rank_pattern and alpha_pattern are not supported");
        Require(file, json["target_modules"] is JsonArray, "target_modules must be a list of module names");
        var defaults = new LoraSettings();
        return new LoraAdapterConfig
        {
            Settings = new LoraSettings
            {
                Rank = (int?)json["r"] ?? defaults.Rank,
                Alpha = (double?)json["lora_alpha"] ?? defaults.Alpha,
                Dropout = (double?)json["lora_dropout"] ?? defaults.Dropout,
                UseRsLora = (bool?)json["use_rslora"] ?? defaults.UseRsLora,
            },
            TargetModules = [.. json["target_modules"]!.AsArray().Select(target => (string?)target ?? "")],
            FanInFanOut = (bool?)json["fan_in_fan_out"] ?? false,
            BaseModelNameOrPath = (string?)json["base_model_name_or_path"] ?? "",
        };
    }

    private static bool IsEmpty(JsonNode? node) => node is null || node is JsonObject { Count: 0 };

    private static void Require(string file, bool condition, string rule)
    {
        if (!condition) throw new InvalidDataException($"{file}: {rule}.");
    }
}
