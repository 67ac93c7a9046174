namespace Governance.Core.Validation;

/// <summary>Why a well-formed request is refused; the API answers 403, 404 or 409 accordingly.</summary>
public enum Refusal
{
    /// <summary>The user may not do this to this thing (e.g. a task assigned to someone else).</summary>
    Forbidden,

    /// <summary>The thing does not exist.</summary>
    NotFound,

    /// <summary>The thing changed since the user loaded it, or is in a state that does not allow this.</summary>
    Conflict,
}

/// <summary>A request refused for a reason the message names, with what to do instead. Nothing was changed.</summary>
public sealed class RefusedError(Refusal reason, string message) : Exception(message)
{
    /// <summary>Why it was refused.</summary>
    public Refusal Reason { get; } = reason;
}
