using System.Globalization;
using Governance.Training.Safetensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>
/// A checkpoint folder, checkpoint-00000042: trainable weights (safetensors), AdamW moments (TorchSharp's own format),
/// the best weights so far and the trainer state. It is written under a temporary name and renamed when complete, so
/// a crash never leaves a half-written checkpoint under a real name.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>The trainable weights at the checkpoint's step.</summary>
    public const string WeightsFileName = "trainable.safetensors";

    /// <summary>The trainable weights of the best validation loss, when one was evaluated.</summary>
    public const string BestWeightsFileName = "best.safetensors";

    /// <summary>The optimiser state, readable by TorchSharp only.</summary>
    public const string OptimizerFileName = "optimizer.bin";

    private const string Prefix = "checkpoint-";

    /// <summary>Writes a checkpoint of <paramref name="state"/>'s step under <paramref name="root"/>, keeping the newest <paramref name="keep"/>.</summary>
    public static string Save(string root, TrainerState state, nn.Module model, OptimizerHelper optimizer,
        IReadOnlyDictionary<string, SafetensorsTensor>? best, int keep)
    {
        var folder = Path.Combine(root, Prefix + state.Step.ToString("D8", CultureInfo.InvariantCulture));
        if (IsComplete(folder)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var temporary = Path.Combine(root, $".{Path.GetFileName(folder)}.partial");
        if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        Directory.CreateDirectory(temporary);
        TrainableWeights.Write(Path.Combine(temporary, WeightsFileName), TrainableWeights.Snapshot(model));
        optimizer.save_state_dict(Path.Combine(temporary, OptimizerFileName));
        if (best is not null) TrainableWeights.Write(Path.Combine(temporary, BestWeightsFileName), best);
        state.Write(Path.Combine(temporary, TrainerState.FileName));
        Directory.Move(temporary, folder);
        foreach (var old in Completed(root).SkipLast(keep)) Directory.Delete(old, recursive: true);
        return folder;
    }

    /// <summary>The newest complete checkpoint under <paramref name="root"/>, or null when there is none.</summary>
    public static string? FindLatest(string root) => Directory.Exists(root) ? Completed(root).LastOrDefault() : null;

    /// <summary>
    /// Checks that <paramref name="settings"/> continue the checkpoint's run, puts its weights into <paramref name="model"/>
    /// and its moments into <paramref name="optimizer"/>, and returns its state and best weights.
    /// </summary>
    public static (TrainerState State, IReadOnlyDictionary<string, SafetensorsTensor>? Best) Load(string folder, TrainerSettings settings,
        nn.Module model, OptimizerHelper optimizer)
    {
        var state = TrainerState.Read(Path.Combine(folder, TrainerState.FileName));
        state.RequireSameTrajectory(settings, folder);
        TrainableWeights.Restore(model, TrainableWeights.Read(Path.Combine(folder, WeightsFileName)));
        optimizer.load_state_dict(Path.Combine(folder, OptimizerFileName));
        var bestPath = Path.Combine(folder, BestWeightsFileName);
        return (state, File.Exists(bestPath) ? TrainableWeights.Read(bestPath) : null);
    }

    private static IEnumerable<string> Completed(string root) =>
        Directory.EnumerateDirectories(root, Prefix + "*")
            .Where(folder => long.TryParse(Path.GetFileName(folder)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Where(IsComplete)
            .Order(StringComparer.Ordinal);

    // The state file is written last, so a folder holding it holds everything.
    private static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, TrainerState.FileName));
}
