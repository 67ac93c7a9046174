namespace Governance.Core.Validation;

/// <summary>
/// Input a user can correct was refused. <see cref="Field"/> names what to fix; the message says how. The portal
/// shows it beside the field, and the API returns it as a 400 problem with the field as key.
/// </summary>
public sealed class ValidationError(string field, string message) : Exception(message)
{
    /// <summary>The input at fault, e.g. <c>email</c> or <c>roles</c>.</summary>
    public string Field { get; } = field;
}
