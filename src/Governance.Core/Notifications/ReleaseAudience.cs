namespace Governance.Core.Notifications;

/// <summary>
/// Who a step on a release concerns, for any kind of release. Moving it towards a decision (submit, waive, approve to
/// Approved) concerns those who may decide next and the submitter; a recorded approval that is not yet enough, a
/// rejection or a request for changes concerns the submitter; every other move (publish, deprecate, revoke, deploy,
/// retire) concerns the submitter and the approvers. Never the person who acted.
/// </summary>
public static class ReleaseAudience
{
    /// <summary>
    /// The user names <paramref name="move"/> concerns; <paramref name="holdersByRole"/> lists the users holding each
    /// role (a role missing from it has no holders).
    /// </summary>
    public static IReadOnlySet<string> For(ReleaseMove move, IReadOnlyDictionary<string, IReadOnlyList<string>> holdersByRole)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        if (move.Submitter is { Length: > 0 } submitter) people.Add(submitter);
        switch (move.Action)
        {
            case "submit" or "waive" or "approve" when move.StateChanged:
                foreach (var role in move.NextRoles)
                    if (holdersByRole.TryGetValue(role, out var holders)) people.UnionWith(holders);
                break;
            case "approve" or "waive" or "reject" or "request-changes":
                break;
            default:
                if (!move.StateChanged) people.Clear();
                else people.UnionWith(move.Approvers);
                break;
        }
        people.Remove(move.Actor);
        return people;
    }

    /// <summary>
    /// The title of the notice: who did what to <paramref name="subject"/> (e.g. "the dataset release answers v1"), and
    /// where it stands now.
    /// </summary>
    public static string Title(ReleaseMove move, string subject)
    {
        var verb = move.Action switch
        {
            "submit" => "submitted",
            "approve" => "approved",
            "reject" => "rejected",
            "request-changes" => "requested changes to",
            "waive" => "waived an audit of",
            "publish" => "published",
            "deprecate" => "deprecated",
            "revoke" => "revoked",
            "deploy" => "deployed",
            "retire" => "retired",
            var other => $"took '{other}' on",
        };
        return $"{move.Actor} {verb} {subject}; it is {move.State}.";
    }
}
