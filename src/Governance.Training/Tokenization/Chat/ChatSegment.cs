namespace Governance.Training.Tokenization.Chat;

/// <summary>A stretch of rendered conversation; the model learns to write only the supervised ones.</summary>
/// <param name="Text">The text, special tokens written out.</param>
/// <param name="Supervised">True for an assistant reply and its end-of-turn token.</param>
public sealed record ChatSegment(string Text, bool Supervised);
