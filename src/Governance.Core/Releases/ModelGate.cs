using Governance.Core.Validation;

namespace Governance.Core.Releases;

/// <summary>
/// What a model release's data says at the moment a step is taken: the model card's empty sections and the revoked
/// dataset releases it was trained on. Submitting and approving need a complete card; submitting, approving and
/// deploying need lineage with no revoked release. A stored step passed its gate when it was taken
/// (<see cref="AsTaken"/>), so replaying history never refuses it afresh.
/// </summary>
public sealed record ModelGate(IReadOnlyCollection<string> MissingCardSections, IReadOnlyCollection<string> RevokedTrainingData)
{
    /// <summary>The gate of a step replayed from storage: it was checked when taken.</summary>
    public static ModelGate AsTaken { get; } = new([], []);

    /// <summary>Refuses <paramref name="action"/> when the gate is closed for it: revoked data as a conflict, an incomplete card naming the sections.</summary>
    public void Check(string action)
    {
        if (action is "submit" or "approve" or "deploy" && RevokedTrainingData.Count > 0)
            throw new RefusedError(Refusal.Conflict,
                $"The model was trained on revoked data, so it cannot {action}: {string.Join("; ", RevokedTrainingData)}. Train a new version on published data.");
        if (action is "submit" or "approve" && MissingCardSections.Count > 0)
            throw new ValidationError("modelCard", $"The model card is incomplete: add {string.Join(", ", MissingCardSections)}.");
    }
}
