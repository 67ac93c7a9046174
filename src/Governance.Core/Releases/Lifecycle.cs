using Governance.Core.Validation;

namespace Governance.Core.Releases;

/// <summary>Who acts on a release: a user name and roles, or the system (audits, automation).</summary>
public sealed record Actor(string Name, IReadOnlySet<string> Roles)
{
    /// <summary>The pseudo-role of work the portal does itself.</summary>
    public const string SystemRole = "System";

    /// <summary>The portal acting on its own.</summary>
    public static Actor System { get; } = new("system", new HashSet<string> { SystemRole });

    /// <summary>Whether the actor holds any of <paramref name="roles"/>.</summary>
    public bool HasAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>One allowed move: an action taking a release from one of some states to another, for some roles.</summary>
public sealed record TransitionRule<TState>(string Action, IReadOnlyList<TState> From, TState To, IReadOnlyList<string> Roles, bool CommentRequired)
    where TState : struct, Enum;

/// <summary>Refused because the actor's roles do not allow the action (HTTP 403); nothing changes.</summary>
public sealed class ForbiddenTransition(string message) : Exception(message);

/// <summary>
/// A lifecycle: the states and every transition with the roles that may take it. The UI (which buttons to show), the
/// API (what to refuse) and the tests all read this one definition; the aggregates add the gates that depend on data.
/// </summary>
public sealed class Lifecycle<TState>(IReadOnlyList<TransitionRule<TState>> rules) where TState : struct, Enum
{
    /// <summary>Every transition.</summary>
    public IReadOnlyList<TransitionRule<TState>> Rules { get; } = rules;

    /// <summary>The actions <paramref name="actor"/> may try from <paramref name="state"/>.</summary>
    public IEnumerable<TransitionRule<TState>> Available(TState state, Actor actor) =>
        Rules.Where(r => r.From.Contains(state) && actor.HasAny(r.Roles));

    /// <summary>The rule for <paramref name="action"/> from <paramref name="state"/>; refuses a missing rule, a role that may not, or a missing comment.</summary>
    public TransitionRule<TState> Check(TState state, string action, Actor actor, string? comment)
    {
        var rule = Rules.FirstOrDefault(r => r.Action == action && r.From.Contains(state))
            ?? throw new ValidationError("action", $"'{action}' is not possible while the release is {state}; possible: " +
                                                   $"{string.Join(", ", Rules.Where(r => r.From.Contains(state)).Select(r => r.Action).Distinct())}.");
        if (!actor.HasAny(rule.Roles))
            throw new ForbiddenTransition($"'{action}' needs one of the roles {string.Join(", ", rule.Roles)}.");
        if (rule.CommentRequired && string.IsNullOrWhiteSpace(comment))
            throw new ValidationError("comment", $"'{action}' needs a comment saying why.");
        return rule;
    }
}
