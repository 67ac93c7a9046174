namespace Governance.Core.Evaluation;

/// <summary>
/// Exact match and token F1 of a generated answer against a reference, as SQuAD's official evaluation script defines
/// them on normalised text (<see cref="AnswerNormalizer"/>). As in the SQuAD 2.0 script, an empty answer scores 1 only
/// against an empty reference.
/// </summary>
public static class AnswerMetrics
{
    /// <summary>1 when both texts normalise to the same string, else 0.</summary>
    public static double ExactMatch(string prediction, string reference) =>
        AnswerNormalizer.Normalize(prediction) == AnswerNormalizer.Normalize(reference) ? 1 : 0;

    /// <summary>The harmonic mean of token precision and recall, counting each shared token as often as both texts have it.</summary>
    public static double TokenF1(string prediction, string reference)
    {
        var predicted = AnswerNormalizer.Tokens(prediction);
        var expected = AnswerNormalizer.Tokens(reference);
        if (predicted.Length == 0 || expected.Length == 0) return predicted.Length == expected.Length ? 1 : 0;
        var remaining = expected.CountBy(t => t).ToDictionary(p => p.Key, p => p.Value);
        var shared = 0;
        foreach (var token in predicted)
            if (remaining.TryGetValue(token, out var left) && left > 0) { remaining[token] = left - 1; shared++; }
        if (shared == 0) return 0;
        var precision = shared / (double)predicted.Length;
        var recall = shared / (double)expected.Length;
        return 2 * precision * recall / (precision + recall);
    }
}
