using Governance.Core.Bias;
using Governance.Data.Datasets;
using Governance.Data.PiiReview;

namespace Governance.Data.Releases;

/// <summary>What the audits of a version say for a release, and each problem named with what to do about it.</summary>
public sealed record GateResult(bool PiiClean, bool BiasPassing, IReadOnlyList<string> Problems);

/// <summary>
/// The data behind the audit gate: the version's PII audit must have finished with no unresolved blocking finding
/// (<see cref="PiiFindingQueries.UnresolvedBlockingAsync"/>) and its bias audit must have finished without a failing verdict.
/// </summary>
public sealed class ReleaseGates(PiiFindingQueries pii, DatasetBiasAudits bias)
{
    public async Task<GateResult> EvaluateAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var unresolved = await pii.UnresolvedBlockingAsync(versionId, cancellationToken);
        if (unresolved is null) problems.Add("PII audit: the version has no finished PII audit; run one on the version's PII panel.");
        else if (unresolved > 0)
            problems.Add($"PII audit: {unresolved} blocking finding(s) unresolved; review them (dismiss false ones, anonymize the rest) or have a compliance officer waive 'pii' with a reason.");
        var result = DatasetBiasAudits.Read(await bias.FindAsync(versionId, cancellationToken));
        if (result is null) problems.Add("Bias audit: the version has no finished bias audit; run one on the version's bias panel.");
        else if (result.Verdict == BiasVerdict.Fail)
            problems.Add($"Bias audit: failing on {string.Join(", ", result.Axes.Where(a => a.Verdict == BiasVerdict.Fail).Select(a => a.Axis))}; " +
                         "rebalance the data or have a compliance officer waive 'bias' with a reason.");
        return new GateResult(unresolved == 0, result is not null && result.Verdict != BiasVerdict.Fail, problems);
    }
}
