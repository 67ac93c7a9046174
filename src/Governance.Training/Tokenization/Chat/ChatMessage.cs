namespace Governance.Training.Tokenization.Chat;

/// <summary>One turn of a conversation in <c>messages</c> data.</summary>
/// <param name="Role">system, user or assistant.</param>
/// <param name="Content">What was said.</param>
public sealed record ChatMessage(string Role, string Content)
{
    /// <summary>The roles every template renders.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["system", "user", "assistant"];
}
