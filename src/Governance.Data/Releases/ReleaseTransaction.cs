using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Core.Releases;
using Governance.Core.Validation;

namespace Governance.Data.Releases;

/// <summary>
/// The steps taken on one release in one request, each through the Core rules: a role the lifecycle does not allow
/// (or a submitter approving) is refused as forbidden, an action the state does not allow as a conflict, and a missing
/// comment or audit name as a field to fix. Keeps for the audit trail what each step changed, without comment text.
/// </summary>
internal sealed class ReleaseTransaction(StoredRelease stored)
{
    public const int MaxComment = 4000;

    public StoredRelease Stored => stored;

    public int VersionNumber { get; set; } = stored.VersionNumber;

    public List<ReleaseStepRow> Rows { get; } = [];

    /// <summary>For each row, the trail's "after": state, content hash, valid approvals, the audit waived and the comment's hash.</summary>
    public List<string> After { get; } = [];

    public void Apply(ReleaseStep step)
    {
        if (step.Comment?.Length > MaxComment) throw new ValidationError("comment", $"Keep the comment to {MaxComment} characters; attach longer evidence elsewhere and link it.");
        var before = stored.Release.State;
        try
        {
            step.ApplyTo(stored.Release);
        }
        catch (ForbiddenTransition forbidden)
        {
            throw new RefusedError(Refusal.Forbidden, forbidden.Message);
        }
        catch (ValidationError wrongState) when (wrongState.Field is "action" or "state")
        {
            throw new RefusedError(Refusal.Conflict, wrongState.Message);
        }
        Rows.Add(ReleaseStepRow.Of(stored.Row.Id, step, before, stored.Release));
        After.Add(JsonSerializer.Serialize(new
        {
            state = stored.Release.State.ToString(), contentHash = stored.Release.ContentHash, validApprovals = stored.Release.ValidApprovals.Count(),
            audit = step.Audit, commentSha256 = step.Comment is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(step.Comment))),
        }));
    }
}
