using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Governance.Training.Trainer;

/// <summary>Everything besides weights and optimiser moments that a resumed run needs to continue the same schedule.</summary>
public sealed record TrainerState
{
    /// <summary>The file name of the state in a checkpoint folder.</summary>
    public const string FileName = "trainer_state.json";

    /// <summary>Optimiser steps taken.</summary>
    public long Step { get; init; }

    /// <summary>Where the data order stands.</summary>
    public DataPosition Data { get; init; } = new(0, 0);

    /// <summary>Torch's CPU generator state (dropout draws), base64.</summary>
    public string RandomState { get; init; } = "";

    /// <summary>The lowest validation loss so far.</summary>
    public double? BestValidationLoss { get; init; }

    /// <summary>The step that reached it.</summary>
    public long? BestStep { get; init; }

    /// <summary>Evaluations in a row without improvement.</summary>
    public int EvaluationsWithoutImprovement { get; init; }

    /// <summary>The settings that shape the run's trajectory; a resume must use the same.</summary>
    public TrainerSettings Settings { get; init; } = new();

    /// <summary>The part of <paramref name="settings"/> a resumed run must repeat: all but where and how often checkpoints go.</summary>
    public static TrainerSettings Trajectory(TrainerSettings settings) =>
        settings with { CheckpointFolder = null, CheckpointEvery = 0, KeepCheckpoints = 1 };

    /// <summary>Refuses to resume with settings that would change the run, naming each setting that differs.</summary>
    public void RequireSameTrajectory(TrainerSettings settings, string folder)
    {
        var saved = JsonSerializer.SerializeToNode(Settings, JsonOptions)!.AsObject();
        var now = JsonSerializer.SerializeToNode(Trajectory(settings), JsonOptions)!.AsObject();
        var changed = saved.Where(pair => !JsonNode.DeepEquals(pair.Value, now[pair.Key]))
            .Select(pair => $"{pair.Key} (was {pair.Value?.ToJsonString()}, now {now[pair.Key]?.ToJsonString()})").ToList();
        if (changed.Count > 0)
            throw new InvalidOperationException(
                $"The checkpoint in {folder} was written with other settings: {string.Join(", ", changed)}. Use the same settings or another checkpoint folder.");
    }

    /// <summary>Writes the state as JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    public static TrainerState Read(string path) =>
        JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} holds no trainer state.");

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
}
