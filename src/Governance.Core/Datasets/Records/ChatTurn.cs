namespace Governance.Core.Datasets.Records;

/// <summary>One turn of a conversation.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Content">What was said.</param>
public sealed record ChatTurn(string Role, string Content)
{
    /// <summary>The roles a turn may have.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["system", "user", "assistant", "tool"];
}
