using System.Text.Json;

namespace Governance.Training.Safetensors;

/// <summary>
/// The weights of a Hugging Face model folder: one <c>model.safetensors</c>, or shards listed by the "weight_map" of
/// <c>model.safetensors.index.json</c>.
/// </summary>
public sealed class SafetensorsCheckpoint
{
    /// <summary>The file name of an unsharded checkpoint.</summary>
    public const string SingleFileName = "model.safetensors";

    /// <summary>The file name of the index of a sharded checkpoint.</summary>
    public const string IndexFileName = "model.safetensors.index.json";

    private readonly Dictionary<string, SafetensorsFile> _fileByTensor;

    private SafetensorsCheckpoint(Dictionary<string, SafetensorsFile> fileByTensor) => _fileByTensor = fileByTensor;

    /// <summary>Every tensor name of the checkpoint.</summary>
    public IReadOnlyCollection<string> Names => _fileByTensor.Keys;

    /// <summary>The type, shape and place of tensor <paramref name="name"/>, or null when the checkpoint lacks it.</summary>
    public SafetensorsEntry? Find(string name) => _fileByTensor.TryGetValue(name, out var file) ? file.Entries[name] : null;

    /// <summary>Reads tensor <paramref name="name"/> from the file that holds it.</summary>
    public SafetensorsTensor Read(string name) => _fileByTensor.TryGetValue(name, out var file)
        ? file.Read(name)
        : throw new KeyNotFoundException($"The checkpoint holds no tensor named '{name}'.");

    /// <summary>Opens the checkpoint in <paramref name="directory"/>, preferring the index when both forms are there.</summary>
    public static SafetensorsCheckpoint Open(string directory)
    {
        var index = Path.Combine(directory, IndexFileName);
        if (File.Exists(index)) return OpenSharded(directory, index);
        var single = Path.Combine(directory, SingleFileName);
        return File.Exists(single)
            ? OpenFile(single)
            : throw new FileNotFoundException($"The model folder holds neither {SingleFileName} nor {IndexFileName}.", single);
    }

    /// <summary>A checkpoint of the one file <paramref name="path"/>, such as a PEFT adapter_model.safetensors.</summary>
    public static SafetensorsCheckpoint OpenFile(string path)
    {
        var file = SafetensorsFile.Open(path);
        return new SafetensorsCheckpoint(file.Entries.Keys.ToDictionary(name => name, _ => file, StringComparer.Ordinal));
    }

    private static SafetensorsCheckpoint OpenSharded(string directory, string index)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(index));
        if (!document.RootElement.TryGetProperty("weight_map", out var weightMap) || weightMap.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{IndexFileName} has no \"weight_map\" object.");
        var shards = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
        var fileByTensor = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
        foreach (var tensor in weightMap.EnumerateObject())
        {
            var shardName = tensor.Value.GetString() ?? "";
            if (shardName != Path.GetFileName(shardName) || shardName.Length == 0)
                throw new InvalidDataException($"{IndexFileName} maps '{tensor.Name}' to '{shardName}', which is not a file in the model folder.");
            if (!shards.TryGetValue(shardName, out var shard))
                shards[shardName] = shard = SafetensorsFile.Open(Path.Combine(directory, shardName));
            if (!shard.Entries.ContainsKey(tensor.Name))
                throw new InvalidDataException($"{IndexFileName} places '{tensor.Name}' in {shardName}, which does not hold it.");
            fileByTensor[tensor.Name] = shard;
        }
        return new SafetensorsCheckpoint(fileByTensor);
    }
}
