using System.Text.Json;
using Governance.Core.Bias;
using Governance.Training.Evaluation;
using Governance.Training.Generation;
using Governance.Training.Models;
using Governance.Training.Tokenization.Loading;

namespace Governance.Worker.Commands;

/// <summary>
/// <c>Governance.Worker probe --model DIR --prompts FILE.jsonl [--bias-config FILE.json] [--max-tokens 16]</c>: the
/// counterfactual bias probe of a trained model (a Hugging Face folder) on held-out prompts, one JSON line per axis with
/// the pair count, mean gap, mean absolute gap and flip rate. Each prompts line is {"prompt": "...", "completion": "..."}.
/// </summary>
public static class BiasProbeCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        try
        {
            var options = new CommandOptions(args);
            var folder = options.Required("--model");
            var examples = ReadPrompts(options.Required("--prompts"));
            var configuration = options.Has("--bias-config")
                ? BiasConfigurationJson.Parse(File.ReadAllText(options.Required("--bias-config")))
                : BiasConfiguration.Default;
            using var model = CausalLmCheckpoint.Load(folder);
            var tokenizer = TokenizerFolder.Load(folder).Tokenizer;
            var probed = new CausalLmProbedModel(model, new TextCodec(text => tokenizer.Encode(text), ids => tokenizer.Decode(ids)),
                ModelArchitecture.ContextLength(model), tokenizer.Special.Eos);
            foreach (var axis in BiasProbe.Run(configuration, examples, probed, options.Int("--max-tokens", 16)))
                output.WriteLine(JsonSerializer.Serialize(axis, JsonSerializerOptions.Web));
            return 0;
        }
        catch (Exception error) when (error is ArgumentException or IOException or InvalidDataException or JsonException)
        {
            output.WriteLine($"probe: {error.Message}");
            return 2;
        }
    }

    private static List<ProbeExample> ReadPrompts(string path)
    {
        var examples = new List<ProbeExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var prompt = json.RootElement.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
            var completion = json.RootElement.TryGetProperty("completion", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            examples.Add(new ProbeExample(prompt ?? throw new InvalidDataException($"{path}:{number}: \"prompt\" must be a string"), completion));
        }
        return examples;
    }
}
