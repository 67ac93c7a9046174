using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>Tracks the best validation loss, keeps a copy of the weights that reached it, and says when to stop.</summary>
public sealed class EarlyStopping(int patience, double minDelta)
{
    /// <summary>The lowest validation loss seen.</summary>
    public double? BestLoss { get; private set; }

    /// <summary>The step that reached <see cref="BestLoss"/>.</summary>
    public long? BestStep { get; private set; }

    /// <summary>Evaluations in a row that did not improve on the best by more than the minimum delta.</summary>
    public int EvaluationsWithoutImprovement { get; private set; }

    /// <summary>The trainable weights at <see cref="BestStep"/>.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensor>? BestWeights { get; private set; }

    /// <summary>True once as many evaluations in a row as the patience allows have not improved.</summary>
    public bool PatienceExhausted => patience > 0 && EvaluationsWithoutImprovement >= patience;

    /// <summary>Records the validation <paramref name="loss"/> of <paramref name="step"/>, keeping the weights when it is the best.</summary>
    public void Observe(long step, double loss, nn.Module model)
    {
        if (BestLoss is null || loss < BestLoss - minDelta)
        {
            (BestLoss, BestStep, EvaluationsWithoutImprovement) = (loss, step, 0);
            BestWeights = TrainableWeights.Snapshot(model);
        }
        else EvaluationsWithoutImprovement++;
    }

    /// <summary>Continues from a checkpoint's record.</summary>
    public void Resume(TrainerState state, IReadOnlyDictionary<string, SafetensorsTensor>? bestWeights) =>
        (BestLoss, BestStep, EvaluationsWithoutImprovement, BestWeights) =
            (state.BestValidationLoss, state.BestStep, state.EvaluationsWithoutImprovement, bestWeights);
}
